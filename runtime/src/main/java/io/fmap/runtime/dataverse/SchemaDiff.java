package io.fmap.runtime.dataverse;

import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.Relationship;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What must be created so that the org has everything the desired schema names. Only additions:
 * fmap never drops or alters what exists, so applying the same schema twice finds nothing to do.
 *
 * @param changes  steps in a safe order (tables, columns, options, keys, relationships)
 * @param problems what cannot be created through the API (a standard table or column that is missing)
 */
public record SchemaDiff(List<SchemaChange> changes, List<String> problems) {

  public static SchemaDiff between(SystemSchema desired, SystemSchema current) {
    List<SchemaChange> tables = new ArrayList<>();
    List<SchemaChange> columns = new ArrayList<>();
    List<SchemaChange> keys = new ArrayList<>();
    List<SchemaChange> relationships = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Table want : desired.sorted().tables()) {
      Optional<Table> have = current.table(want.name());
      if (have.isEmpty()) {
        if (!want.custom()) {
          problems.add("table " + want.name() + " is a standard table missing from the org; install the app that has it");
          continue;
        }
        tables.add(new SchemaChange.CreateTable(want));
      }
      for (Column c : want.columns()) {
        if (c.name().equals(want.primaryIdColumn()) || (c.name().equals(want.primaryNameColumn()) && have.isEmpty())) {
          continue; // created with the table
        }
        if (have.isEmpty() && !c.custom() && createdWithTable(want, c.name())) continue;
        Optional<Column> existing = have.flatMap(t -> t.column(c.name()));
        if (existing.isEmpty()) {
          if (!c.custom()) problems.add("column " + want.name() + "." + c.name() + " is standard but missing from the org");
          else columns.add(new SchemaChange.CreateColumn(want.name(), c));
          continue;
        }
        if (c.custom()) {
          for (OptionValue o : c.options()) {
            if (o.value() != null && existing.get().optionByValue(o.value()).isEmpty()) {
              columns.add(new SchemaChange.AddOption(want.name(), c.name(), o));
            }
          }
        }
      }
      for (AlternateKey k : want.keys()) {
        boolean exists = have.map(t -> t.keys().stream().anyMatch(h -> h.columns().equals(k.columns()))).orElse(false);
        if (!exists) keys.add(new SchemaChange.CreateKey(want.name(), k));
      }
    }
    for (Relationship r : desired.sorted().relationships()) {
      if (current.relationships().stream().noneMatch(h -> h.name().equals(r.name()))) {
        if (r.custom()) relationships.add(new SchemaChange.CreateRelationship(r));
        else problems.add("relationship " + r.name() + " is standard but missing from the org");
      }
    }
    List<SchemaChange> all = new ArrayList<>(tables);
    all.addAll(columns);
    all.addAll(keys);
    all.addAll(relationships);
    return new SchemaDiff(List.copyOf(all), List.copyOf(problems));
  }

  /**
   * Columns Dataverse adds to every table it creates (the owner columns only to user-owned ones):
   * a desired schema lists them for a new table because the checker must know them, but they are
   * not the migration's to create. Any other standard column on a new table stays a problem.
   */
  static final Set<String> PLATFORM_COLUMNS = Set.of("createdby", "createdon", "createdonbehalfby",
      "importsequencenumber", "modifiedby", "modifiedon", "modifiedonbehalfby", "overriddencreatedon", "statecode",
      "statuscode", "timezoneruleversionnumber", "utcconversiontimezonecode", "versionnumber");
  static final Set<String> OWNER_COLUMNS = Set.of("ownerid", "owningbusinessunit", "owningteam", "owninguser");

  private static boolean createdWithTable(Table table, String column) {
    return PLATFORM_COLUMNS.contains(column)
        || (table.ownership() == Ownership.USER && OWNER_COLUMNS.contains(column))
        || (table.ownership() == Ownership.ORGANIZATION && column.equals("organizationid"));
  }

  public boolean empty() { return changes.isEmpty() && problems.isEmpty(); }
}
