package io.fmap.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What changed between two snapshots of one system's schema: tables and columns added or removed,
 * and per column a changed type, length, required level or option set. It is what a reviewer
 * asks after {@code schema pull} ("did the org move under our mappings?"), in a fixed order:
 * by table, then column (the table's own line first), so the same two snapshots give the same lines.
 */
public record SchemaDrift(List<Change> changes) {

  public SchemaDrift { changes = List.copyOf(changes); }

  public enum Kind { TABLE_ADDED, TABLE_REMOVED, COLUMN_ADDED, COLUMN_REMOVED, COLUMN_CHANGED }

  /**
   * @param column  null for a whole table
   * @param details for a changed column, one phrase per property ("max length 160 -> 100")
   */
  public record Change(Kind kind, String table, String column, List<String> details) {
    public Change { details = List.copyOf(details); }

    /** One line for the terminal. */
    public String describe() {
      String what = column == null ? "table " + table : "column " + table + "." + column;
      return switch (kind) {
        case TABLE_ADDED, COLUMN_ADDED -> what + " added" + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
        case TABLE_REMOVED, COLUMN_REMOVED -> what + " removed";
        case COLUMN_CHANGED -> what + ": " + String.join("; ", details);
      };
    }
  }

  private static final Comparator<Change> ORDER = Comparator.comparing(Change::table)
      .thenComparing(c -> c.column() == null ? "" : c.column())
      .thenComparing(Change::kind);

  public static SchemaDrift between(SystemSchema before, SystemSchema after) {
    Map<String, Table> old = byName(before);
    Map<String, Table> now = byName(after);
    List<Change> changes = new ArrayList<>();
    for (Table t : old.values()) {
      if (!now.containsKey(t.name())) changes.add(new Change(Kind.TABLE_REMOVED, t.name(), null, List.of()));
    }
    for (Table t : now.values()) {
      Table was = old.get(t.name());
      if (was == null) {
        changes.add(new Change(Kind.TABLE_ADDED, t.name(), null, List.of(t.columns().size() + " columns")));
        continue;
      }
      for (Column c : was.columns()) {
        if (t.column(c.name()).isEmpty()) changes.add(new Change(Kind.COLUMN_REMOVED, t.name(), c.name(), List.of()));
      }
      for (Column c : t.columns()) {
        Optional<Column> prior = was.column(c.name());
        if (prior.isEmpty()) {
          changes.add(new Change(Kind.COLUMN_ADDED, t.name(), c.name(), List.of(shape(c))));
          continue;
        }
        List<String> details = columnChanges(prior.get(), c);
        if (!details.isEmpty()) changes.add(new Change(Kind.COLUMN_CHANGED, t.name(), c.name(), details));
      }
    }
    changes.sort(ORDER);
    return new SchemaDrift(changes);
  }

  public boolean empty() { return changes.isEmpty(); }

  private static Map<String, Table> byName(SystemSchema schema) {
    Map<String, Table> out = new TreeMap<>();
    schema.tables().forEach(t -> out.put(t.name(), t));
    return out;
  }

  private static String shape(Column c) {
    return c.type() + (c.maxLength() == null ? "" : "(" + c.maxLength() + ")")
        + (c.required() == RequiredLevel.NONE ? "" : ", " + c.required());
  }

  private static List<String> columnChanges(Column was, Column now) {
    List<String> out = new ArrayList<>();
    if (was.type() != now.type()) out.add("type " + was.type() + " -> " + now.type());
    if (!Objects.equals(was.maxLength(), now.maxLength())) {
      out.add("max length " + orNone(was.maxLength()) + " -> " + orNone(now.maxLength()));
    }
    if (was.required() != now.required()) out.add("required " + was.required() + " -> " + now.required());
    Map<String, String> before = options(was);
    Map<String, String> after = options(now);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> relabelled = new ArrayList<>();
    for (Map.Entry<String, String> o : after.entrySet()) {
      String label = before.get(o.getKey());
      if (label == null) added.add(option(o.getKey(), o.getValue()));
      else if (!label.equals(o.getValue())) relabelled.add(o.getKey() + " '" + label + "' -> '" + o.getValue() + "'");
    }
    for (Map.Entry<String, String> o : before.entrySet()) {
      if (!after.containsKey(o.getKey())) removed.add(option(o.getKey(), o.getValue()));
    }
    if (!added.isEmpty()) out.add("options added " + String.join(", ", added));
    if (!removed.isEmpty()) out.add("options removed " + String.join(", ", removed));
    if (!relabelled.isEmpty()) out.add("options relabelled " + String.join(", ", relabelled));
    return out;
  }

  private static String option(String key, String label) {
    return key.equals(label) ? "'" + label + "'" : key + " '" + label + "'";
  }

  private static String orNone(Integer n) { return n == null ? "none" : n.toString(); }

  /**
   * Options by their stored value (Dataverse) or, where a system keeps none, by label (Spark's
   * picklists, whose values are their labels); ordered so the lines come out the same every time.
   */
  private static Map<String, String> options(Column c) {
    Map<String, String> out = new TreeMap<>(Comparator.comparing((String k) -> k.length()).thenComparing(k -> k));
    for (OptionValue o : c.options()) out.put(o.value() == null ? o.label() : o.value().toString(), o.label());
    return out;
  }
}
