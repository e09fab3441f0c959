package io.fmap.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schema of one system (Spark CRM or Dataverse): what the checker checks against, what the
 * emulator enforces and what {@code schema pull} pins in {@code schemas/*.json}.
 *
 * @param system   {@code "spark"} or {@code "dynamics"}; the prefix used in {@code .fmap} paths
 * @param tables   objects (Spark) or tables (Dataverse), sorted by name in snapshots
 * @param relationships many-to-many relationships; one-to-many ones live on their lookup column
 * @param settings system-wide values the rules depend on (e.g. {@code maxuploadfilesize}), sorted
 */
public record SystemSchema(String system, List<Table> tables, List<Relationship> relationships,
                           java.util.SortedMap<String, String> settings) {

  public SystemSchema {
    java.util.Objects.requireNonNull(system, "system");
    java.util.Objects.requireNonNull(tables, "tables");
    tables = List.copyOf(tables);
    relationships = relationships == null ? List.of() : List.copyOf(relationships);
    settings = settings == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(settings);
  }

  /** Exact (case-sensitive) lookup: Dataverse logical names and Spark object names are case-sensitive. */
  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<Table> tableByEntitySet(String entitySetName) {
    return tables.stream().filter(t -> entitySetName.equals(t.entitySetName())).findFirst();
  }

  /** The same schema with tables, columns, options and relationships in canonical order. */
  public SystemSchema sorted() {
    return new SystemSchema(system,
        tables.stream().map(Table::sorted).sorted(Comparator.comparing(Table::name)).toList(),
        relationships.stream().sorted(Comparator.comparing(Relationship::name)).toList(),
        settings);
  }
}
