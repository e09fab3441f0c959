package io.fmap.runtime.exec.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The field-level diff of a sample run: every sampled target row, sorted by table, source object and
 * source id, so the same sample always prints the same text, JSON and HTML.
 *
 * @param runId the ledger's sample run the rows were written by
 */
public record SampleDiff(long runId, List<RecordDiff> records) {

  public SampleDiff {
    records = records.stream().sorted(java.util.Comparator.comparing(RecordDiff::table)
        .thenComparing(RecordDiff::source).thenComparing(RecordDiff::map)).toList();
  }

  /** Per target table: records, fields per status, records with a problem. */
  public record TableCounts(String table, int records, Map<FieldStatus, Integer> fields, int problems) {
    public TableCounts {
      fields = Map.copyOf(fields);
    }

    public int count(FieldStatus status) {
      return fields.getOrDefault(status, 0);
    }
  }

  public SortedMap<String, TableCounts> countsByTable() {
    SortedMap<String, TableCounts> out = new TreeMap<>();
    records.stream().map(RecordDiff::table).distinct().forEach(table -> {
      List<RecordDiff> rows = records.stream().filter(r -> r.table().equals(table)).toList();
      Map<FieldStatus, Integer> fields = new EnumMap<>(FieldStatus.class);
      for (FieldStatus s : FieldStatus.values()) fields.put(s, 0);
      rows.forEach(r -> r.fields().forEach(f -> fields.merge(f.status(), 1, Integer::sum)));
      int problems = (int) rows.stream().filter(r -> r.problem() != null).count();
      out.put(table, new TableCounts(table, rows.size(), fields, problems));
    });
    return out;
  }

  /** True when some field differs or some row could not be compared: the verb exits 1. */
  public boolean hasDifferences() {
    return records.stream().anyMatch(RecordDiff::differs);
  }

  /** A table of counts, then one line per differing field and per problem. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("sample diff of run ").append(runId).append('\n');
    String format = "%-24s %8s %8s %12s %8s %8s%n";
    out.append(String.format(format, "table", "records", "equal", "transformed", "differs", "problems"));
    countsByTable().values().forEach(c -> out.append(String.format(format, c.table(), c.records(),
        c.count(FieldStatus.EQUAL), c.count(FieldStatus.TRANSFORMED), c.count(FieldStatus.DIFFERS), c.problems())));
    for (RecordDiff r : records) {
      String where = r.table() + " " + (r.targetId() == null ? "-" : r.targetId()) + " (" + r.source() + ")";
      if (r.problem() != null) out.append(where).append(": ").append(r.problem()).append('\n');
      r.fields().stream().filter(f -> f.status() == FieldStatus.DIFFERS).forEach(f -> out.append(where).append(' ')
          .append(f.column()).append(": expected ").append(quoted(f.expected())).append(", read ")
          .append(quoted(f.actual())).append('\n'));
    }
    return out.toString();
  }

  private static String quoted(String value) {
    return value == null ? "(empty)" : "'" + value + "'";
  }

  public ObjectNode toJson() {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("run", runId);
    ObjectNode tables = root.putObject("tables");
    countsByTable().values().forEach(c -> {
      ObjectNode t = tables.putObject(c.table());
      t.put("records", c.records());
      for (FieldStatus s : FieldStatus.values()) t.put(s.label(), c.count(s));
      t.put("problems", c.problems());
    });
    ArrayNode rows = root.putArray("records");
    for (RecordDiff r : records) {
      ObjectNode n = rows.addObject();
      n.put("source", r.source().toString());
      n.put("map", r.map());
      n.put("table", r.table());
      n.put("targetId", r.targetId());
      n.put("problem", r.problem());
      ArrayNode fields = n.putArray("fields");
      for (FieldDiff f : r.fields()) {
        fields.addObject().put("column", f.column()).put("sourceField", f.sourceField())
            .put("sourceValue", f.sourceValue()).put("expected", f.expected()).put("actual", f.actual())
            .put("status", f.status().label());
      }
    }
    return root;
  }
}
