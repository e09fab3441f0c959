package io.fmap.compiler.suggest;

import io.fmap.compiler.ast.SourceFile;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.OptionValue;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Proposes mappings for the Spark objects and fields a project does not map yet: each object to the
 * Dynamics table whose name is most alike (after CRM synonyms), then each unread field to the free
 * column scoring best on name, type compatibility and sample values, one column per field. Fields
 * no column fits well enough get a new {@code fmap_} column. Same inputs, same output.
 */
public final class MappingSuggester {
  /** Below this a field-to-column match is noise: the field gets a new column instead. */
  static final double FIELD_THRESHOLD = 0.55;
  /** Below this no existing table is proposed for a source object. */
  static final double TABLE_THRESHOLD = 0.6;
  private static final String PREFIX = "fmap_";
  /**
   * A source's own change timestamp: Dynamics keeps {@code modifiedon} itself and delta runs read
   * the Spark value as their watermark, so it is not data to carry (the standard set drops it).
   */
  private static final Set<String> WATERMARKS = Set.of("updatedat", "modifiedat", "lastmodifiedat", "updatedon");
  /** Words that make a text field a person's email that owner() can resolve. */
  private static final List<String> OWNER_WORDS = List.of("owner", "author", "creator", "assignee");

  private final SystemSchema source;
  private final SystemSchema target;
  private final ExistingMappings existing;
  private final Map<String, Map<String, ValueProfile>> profiles;

  /**
   * @param profiles sample value profiles by source object and field; empty when there are no samples
   */
  public MappingSuggester(SystemSchema source, SystemSchema target, Collection<SourceFile> mappings,
                          Map<String, Map<String, ValueProfile>> profiles) {
    this.source = source;
    this.target = target;
    this.existing = ExistingMappings.of(mappings);
    this.profiles = profiles;
  }

  /**
   * Where one source object's records go: a table, and when the object splits over several tables
   * the condition that picks this one ({@code null}: every record) and the field it tests.
   */
  private record Destination(String table, String condition, String routeField, String reason) {
    boolean routed() {
      return condition != null;
    }
  }

  /** The draft, object by object in source schema order. */
  public List<Suggestion> suggest() {
    List<Suggestion> out = new ArrayList<>();
    Map<String, String> tableOf = tableChoices();
    Map<String, List<Destination>> destinations = destinations(tableOf);
    for (Table object : sorted(source.tables())) {
      if (!destinations.containsKey(object.name()) && object.custom()
          && !existing.targetsOf().containsKey(object.name())) {
        out.addAll(customTable(object, tableOf));
      }
      for (Destination d : destinations.getOrDefault(object.name(), List.of())) {
        // A table the project declares itself (table dynamics.fmap_project { ... }) is not in the
        // pulled schema: its columns are the project's own, so there is nothing to match against.
        Optional<Table> table = target.table(d.table());
        if (table.isEmpty()) continue;
        if (d.routed()) out.add(new Suggestion.Route(object.name(), d.table(), d.condition(), 0.7, d.reason()));
        out.addAll(forObject(object, table.get(), tableOf, d));
      }
    }
    return out;
  }

  /**
   * Each object's destinations: its table; or, for an object the project does not map yet, a split
   * by a choice field when the field's values name kinds of activity (call, meeting, email, task:
   * one Dynamics table each), and a person with lead-like statuses (new, unqualified) goes to
   * lead while unqualified and to its own table otherwise.
   */
  private Map<String, List<Destination>> destinations(Map<String, String> tableOf) {
    Map<String, List<Destination>> out = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(tableOf.values());
    existing.targetsOf().values().forEach(taken::addAll);
    for (Table object : sorted(source.tables())) {
      boolean mapped = existing.targetsOf().containsKey(object.name());
      String table = tableOf.get(object.name());
      if (table != null) {
        Optional<Destination> lead = mapped ? Optional.empty() : leadRoute(object, table, taken);
        if (lead.isPresent()) {
          taken.add(lead.get().table());
          out.put(object.name(), List.of(lead.get(), new Destination(table, "otherwise", lead.get().routeField(),
              "the other records of " + object.name())));
        } else {
          out.put(object.name(), List.of(new Destination(table, null, null, null)));
        }
      } else if (!mapped) {
        List<Destination> split = activitySplit(object, taken);
        split.forEach(d -> taken.add(d.table()));
        if (!split.isEmpty()) out.put(object.name(), split);
      }
    }
    return out;
  }

  /** One destination per value of a choice field that names a kind of activity with a free table. */
  private List<Destination> activitySplit(Table object, Set<String> taken) {
    for (Column field : sortedColumns(object.columns())) {
      if (field.type() != ColumnType.CHOICE) continue;
      List<Destination> split = new ArrayList<>();
      for (OptionValue option : field.options()) {
        String kind = NameSimilarity.ACTIVITY_KINDS.get(NameSimilarity.squash(option.label()));
        if (kind == null || taken.contains(kind) || target.table(kind).isEmpty()) continue;
        if (split.stream().anyMatch(d -> d.table().equals(kind))) continue;
        split.add(new Destination(kind, DraftWriter.name(field.name()) + " == " + quote(option.label()), field.name(),
            field.name() + " \"" + option.label() + "\" is a kind of activity; Dynamics keeps it in " + kind));
      }
      if (split.size() >= 2) return split;
    }
    return List.of();
  }

  /** Lead for a person whose status field has lead-like values, when the object goes to contact. */
  private Optional<Destination> leadRoute(Table object, String table, Set<String> taken) {
    if (!table.equals("contact") || taken.contains("lead") || target.table("lead").isEmpty()) return Optional.empty();
    for (Column field : sortedColumns(object.columns())) {
      if (field.type() != ColumnType.CHOICE || !NameSimilarity.squash(field.name()).contains("status")) continue;
      List<String> leadLike = field.options().stream().map(OptionValue::label)
          .filter(l -> NameSimilarity.LEAD_STATUSES.contains(NameSimilarity.squash(l))).toList();
      if (leadLike.isEmpty() || leadLike.size() == field.options().size()) continue;
      String values = leadLike.stream().map(MappingSuggester::quote).collect(Collectors.joining(", "));
      return Optional.of(new Destination("lead", DraftWriter.name(field.name()) + " in [" + values + "]", field.name(),
          "a person with status " + String.join(" or ", leadLike) + " is not qualified yet: a lead in Dynamics"));
    }
    return Optional.empty();
  }

  /**
   * A Spark custom object nothing in Dynamics fits: a custom table {@code fmap_<object>} with a column
   * per field ({@code fmap_<field>}, the name field first: a table's first text column is its primary
   * name), a lookup per reference to an object that goes somewhere, the Spark id as key and the owner
   * email as owner. Lists of references (many-to-many links) are left to a {@code relationship}.
   */
  private List<Suggestion> customTable(Table object, Map<String, String> tableOf) {
    String table = PREFIX + NameSimilarity.squash(object.name());
    if (target.table(table).isPresent() || existing.declaredColumns().containsKey(table)) return List.of();
    String why = "Spark's custom object " + object.name() + " has no Dynamics table; a custom table keeps it";
    List<String> columns = new ArrayList<>();
    List<Suggestion> assigns = new ArrayList<>();
    List<Column> fields = new ArrayList<>(sortedColumns(object.columns()));
    fields.sort(Comparator.comparing((Column f) -> !f.name().equalsIgnoreCase("name")));
    for (Column field : fields) {
      String lower = field.name().toLowerCase(Locale.ROOT);
      if (WATERMARKS.contains(NameSimilarity.squash(field.name()))) continue;
      String column = PREFIX + NameSimilarity.squash(field.name());
      String value = DraftWriter.name(field.name());
      String type;
      if (field.type() == ColumnType.ID) {
        column = PREFIX + "sourceid";
        type = "text(100)";
      } else if (field.type() == ColumnType.TEXT && OWNER_WORDS.stream().anyMatch(lower::contains) && lower.contains("email")) {
        assigns.add(new Suggestion.Assign(object.name(), field.name(), table, "ownerid", "owner(" + value + ")", false,
            0.9, "the owner's email resolves to a Dynamics user"));
        continue;
      } else if (field.type() == ColumnType.LOOKUP && field.targets().size() == 1
          && tableOf.containsKey(field.targets().get(0).table())) {
        String object2 = field.targets().get(0).table();
        // The owning user is the owner email's business (ownerid), not a second user column.
        if (tableOf.get(object2).equals("systemuser")) continue;
        column = PREFIX + tableOf.get(object2) + "id";
        type = "lookup(dynamics." + tableOf.get(object2) + ")";
        value = "ref(spark." + object2 + ", " + value + ")";
      } else {
        Optional<String> kept = newColumnType(field);
        if (kept.isEmpty()) continue;
        type = kept.get();
      }
      columns.add(column + ": " + type);
      assigns.add(new Suggestion.Assign(object.name(), field.name(), table, column, value,
          field.type() == ColumnType.ID, field.type() == ColumnType.ID ? 1.0 : 0.5, "into the new table's " + column));
    }
    List<Suggestion> out = new ArrayList<>();
    out.add(new Suggestion.NewTable(table, columns, 0.5, why));
    out.addAll(assigns);
    return out;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The target table for each source object: the one it is mapped to already, else the most alike. */
  private Map<String, String> tableChoices() {
    Map<String, String> choice = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    existing.targetsOf().values().forEach(taken::addAll);
    for (Table object : sorted(source.tables())) {
      Set<String> mapped = existing.targetsOf().get(object.name());
      if (mapped != null && !mapped.isEmpty()) choice.put(object.name(), mapped.iterator().next());
    }
    for (Table object : sorted(source.tables())) {
      if (choice.containsKey(object.name())) continue;
      sorted(target.tables()).stream()
          .filter(t -> !taken.contains(t.name()))
          .map(t -> Map.entry(t.name(), NameSimilarity.score(object.name(), t.name(), t.displayName())))
          .filter(e -> e.getValue() >= TABLE_THRESHOLD)
          .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .ifPresent(best -> {
            choice.put(object.name(), best.getKey());
            taken.add(best.getKey());
          });
    }
    return choice;
  }

  private record Candidate(Column field, Column column, double score, String reason) {}

  private List<Suggestion> forObject(Table object, Table table, Map<String, String> tableOf, Destination to) {
    Set<String> read = new HashSet<>(existing.readFields().getOrDefault(object.name(), Set.of()));
    // The field that routes records is spent on routing; a source timestamp is not data.
    if (to.routeField() != null) read.add(to.routeField());
    object.columns().stream().filter(f -> WATERMARKS.contains(NameSimilarity.squash(f.name())))
        .forEach(f -> read.add(f.name()));
    Set<String> busy = new TreeSet<>(existing.assignedColumns().getOrDefault(table.name(), Set.of()));
    Set<String> declared = existing.declaredColumns().getOrDefault(table.name(), Set.of());
    Map<String, ValueProfile> samples = profiles.getOrDefault(object.name(), Map.of());
    List<Suggestion> out = new ArrayList<>();
    List<Column> fields = sortedColumns(object.columns().stream().filter(f -> !read.contains(f.name())).toList());
    String sourceId = PREFIX + "sourceid";
    boolean idNeeded = fields.stream().anyMatch(f -> f.type() == ColumnType.ID) && !busy.contains(sourceId);
    if (idNeeded) {
      Column id = fields.stream().filter(f -> f.type() == ColumnType.ID).findFirst().orElseThrow();
      if (table.column(sourceId).isEmpty() && !declared.contains(sourceId)) {
        out.add(new Suggestion.NewColumn(table.name(), sourceId, "text(100)", 1.0,
            "reruns upsert by the Spark id, so the table needs a column for it"));
      }
      out.add(new Suggestion.Assign(object.name(), id.name(), table.name(), sourceId, DraftWriter.name(id.name()), true, 1.0,
          "the Spark id as alternate key: reruns update instead of duplicating"));
      busy.add(sourceId);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Column field : fields) {
      if (field.type() == ColumnType.ID) continue;
      ValueProfile profile = samples.getOrDefault(field.name(), ValueProfile.empty());
      for (Column column : sortedColumns(table.columns())) {
        if (busy.contains(column.name()) || !column.validForCreate()) continue;
        Candidate c = candidate(field, column, profile, tableOf);
        if (c != null && c.score() >= FIELD_THRESHOLD) candidates.add(c);
      }
    }
    // Greedy one-to-one: the strongest pairs first; ties broken by names so the draft is stable.
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> c.field().name()).thenComparing(c -> c.column().name()));
    Set<String> placed = new TreeSet<>();
    Map<String, Suggestion.Assign> chosen = new java.util.TreeMap<>();
    for (Candidate c : candidates) {
      if (placed.contains(c.field().name()) || busy.contains(c.column().name())) continue;
      placed.add(c.field().name());
      busy.add(c.column().name());
      chosen.put(c.field().name(), new Suggestion.Assign(object.name(), c.field().name(), table.name(),
          c.column().name(), valueFor(c.field(), c.column(), tableOf), false, round(c.score()), c.reason()));
    }
    for (Column field : fields) {
      if (field.type() == ColumnType.ID) continue;
      Suggestion.Assign a = chosen.get(field.name());
      if (a != null) {
        out.add(a);
        continue;
      }
      // A field left over in a split gets no new column in every table it splits into: whether it
      // belongs to one kind, all or none is for a person to say. The "otherwise" table keeps them.
      if (to.routed() && !to.condition().equals("otherwise")) continue;
      newColumnType(field).ifPresent(type -> {
        String name = PREFIX + NameSimilarity.squash(field.name());
        if (table.column(name).isPresent() || declared.contains(name) || busy.contains(name)) return;
        busy.add(name);
        out.add(new Suggestion.NewColumn(table.name(), name, type, 0.3,
            "no existing column fits " + field.name() + "; a new one keeps the data"));
        out.add(new Suggestion.Assign(object.name(), field.name(), table.name(), name, DraftWriter.name(field.name()), false, 0.3,
            "into the new column " + name));
      });
    }
    return out;
  }

  private Candidate candidate(Column field, Column column, ValueProfile profile, Map<String, String> tableOf) {
    if (column.type() == ColumnType.OWNER) {
      // Spark names owners by email; owner() finds the Dynamics user with that address.
      String lower = field.name().toLowerCase(Locale.ROOT);
      boolean ownerEmail = field.type() == ColumnType.TEXT && OWNER_WORDS.stream().anyMatch(lower::contains)
          && lower.contains("email");
      return ownerEmail ? new Candidate(field, column, 0.9, "the owner's email resolves to a Dynamics user") : null;
    }
    double name = NameSimilarity.score(field.name(), column.name(), column.displayName());
    double type = typeFit(field, column, tableOf);
    if (type == 0) return null;
    List<String> why = new ArrayList<>();
    why.add(describeName(name));
    why.add(field.type().name().toLowerCase(Locale.ROOT) + " -> " + column.type().name().toLowerCase(Locale.ROOT));
    // A reference that can point where its object goes is strong evidence whatever the names say.
    double score = field.type() == ColumnType.LOOKUP ? 0.6 + 0.4 * name : name * type;
    if (profile.fitsName(column.name())) {
      score = Math.min(1.0, score + 0.15);
      why.add("samples look like " + profile.shape().orElseThrow().name().toLowerCase(Locale.ROOT) + "s");
    }
    if (!column.options().isEmpty() && profile.count() > 0) {
      Set<String> labels = column.options().stream().map(OptionValue::label).collect(Collectors.toSet());
      double overlap = profile.overlap(labels);
      score = Math.min(1.0, score + 0.2 * overlap);
      why.add(Math.round(overlap * 100) + "% of sample values are option labels");
    }
    return new Candidate(field, column, score, String.join("; ", why));
  }

  private static String describeName(double name) {
    if (name >= 1.0) return "same name";
    if (name >= 0.95) return "CRM synonym";
    return "names alike (" + String.format(Locale.ROOT, "%.2f", name) + ")";
  }

  /** How well a target column can hold a source field's values: 1 same kind, less for a conversion, 0 never. */
  private double typeFit(Column field, Column column, Map<String, String> tableOf) {
    ColumnType s = field.type();
    ColumnType t = column.type();
    return switch (s) {
      case TEXT -> switch (t) { case TEXT, MEMO -> 1.0; case CHOICE -> 0.5; default -> 0; };
      case MEMO, HTML -> switch (t) { case MEMO -> 1.0; case TEXT, HTML -> 0.8; default -> 0; };
      case INT, BIGINT -> switch (t) { case INT, BIGINT -> 1.0; case DECIMAL, DOUBLE, MONEY -> 0.8; default -> 0; };
      case DECIMAL, DOUBLE, MONEY -> switch (t) { case MONEY, DECIMAL, DOUBLE -> 1.0; default -> 0; };
      case BOOL -> t == ColumnType.BOOL ? 1.0 : 0;
      case DATE -> switch (t) { case DATE -> 1.0; case DATETIME -> 0.9; default -> 0; };
      case DATETIME -> switch (t) { case DATETIME -> 1.0; case DATE -> 0.7; default -> 0; };
      case CHOICE -> switch (t) { case CHOICE -> 1.0; case TEXT -> 0.5; default -> 0; };
      case CHOICES -> t == ColumnType.CHOICES ? 1.0 : 0;
      case LOOKUP -> lookupFit(field, column, tableOf);
      default -> 0;
    };
  }

  /** A reference fits a lookup that can point at the table its referenced object is mapped to. */
  private static double lookupFit(Column field, Column column, Map<String, String> tableOf) {
    if (column.type() != ColumnType.LOOKUP && column.type() != ColumnType.CUSTOMER) return 0;
    for (LookupTarget ref : field.targets()) {
      String mapped = tableOf.get(ref.table());
      if (mapped != null && column.target(mapped).isPresent()) return 1.0;
    }
    return 0;
  }

  private static String valueFor(Column field, Column column, Map<String, String> tableOf) {
    if (column.type() == ColumnType.OWNER) return "owner(" + DraftWriter.name(field.name()) + ")";
    if (field.type() == ColumnType.LOOKUP && field.targets().size() > 1) return polymorphicRef(field, column, tableOf);
    if (field.type() == ColumnType.LOOKUP) {
      String object = field.targets().stream().map(LookupTarget::table)
          .filter(t -> tableOf.containsKey(t) && column.target(tableOf.get(t)).isPresent()).findFirst().orElseThrow();
      return "ref(spark." + object + ", " + DraftWriter.name(field.name()) + ")";
    }
    if (column.maxLength() != null && (field.type() == ColumnType.TEXT || field.type() == ColumnType.MEMO)
        && column.type() != ColumnType.CHOICE) {
      return DraftWriter.name(field.name()) + " | truncate(" + column.maxLength() + ")";
    }
    return DraftWriter.name(field.name());
  }

  /**
   * A reference that may point to several objects ({@code related}: Company, Contact, Deal, ...) is a
   * pair of object name and id; a ref takes the id, chosen by the object, and objects the column
   * cannot point to (or that go nowhere) are left empty.
   */
  private static String polymorphicRef(Column field, Column column, Map<String, String> tableOf) {
    String name = DraftWriter.name(field.name());
    StringBuilder match = new StringBuilder("match ").append(name).append(".object {\n");
    for (LookupTarget ref : field.targets()) {
      String mapped = tableOf.get(ref.table());
      boolean fits = mapped != null && column.target(mapped).isPresent();
      match.append("    ").append(quote(ref.table())).append(" -> ")
          .append(fits ? "ref(spark." + ref.table() + ", " + name + ".id)" : "null").append('\n');
    }
    return match.append("    else -> null\n  }").toString();
  }

  /** The type of a new column that keeps a field's values; empty for ids, references and files. */
  private static Optional<String> newColumnType(Column field) {
    return switch (field.type()) {
      case TEXT -> Optional.of("text(" + (field.maxLength() == null ? 200 : field.maxLength()) + ")");
      case MEMO, HTML -> Optional.of("memo");
      case INT, BIGINT -> Optional.of("int");
      case DECIMAL, DOUBLE -> Optional.of("decimal(18, 2)");
      case MONEY -> Optional.of("money");
      case BOOL -> Optional.of("bool");
      case DATE -> Optional.of("date");
      case DATETIME -> Optional.of("datetime");
      case CHOICE -> field.options().isEmpty() ? Optional.empty() : Optional.of("choice { "
          + field.options().stream().map(o -> quoteIfNeeded(o.label())).collect(Collectors.joining(", ")) + " }");
      default -> Optional.empty();
    };
  }

  static String quoteIfNeeded(String label) {
    return label.matches("[A-Za-z_][A-Za-z0-9_]*") ? label
        : "\"" + label.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static double round(double score) {
    return Math.round(score * 100) / 100.0;
  }

  private static List<Table> sorted(List<Table> tables) {
    return tables.stream().sorted(Comparator.comparing(Table::name)).toList();
  }

  private static List<Column> sortedColumns(List<Column> columns) {
    return columns.stream().sorted(Comparator.comparing(Column::name)).toList();
  }
}
