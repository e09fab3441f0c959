package io.fmap.runtime.api;

import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.Relationship;
import io.fmap.schema.Table;
import java.util.List;
import java.util.Objects;

/**
 * One change the plan makes to the target's schema before any record moves ({@code fmap schema
 * apply}), each with the {@code .fmap} line that asked for it.
 */
public sealed interface SchemaChange {

  /** Where the change is declared (for a key: the map's {@code key} line). */
  FmapLocation location();

  /** A new column on an existing or new table; a choice column carries its options. */
  record AddColumn(String table, Column column, FmapLocation location) implements SchemaChange {
    public AddColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(location, "location");
    }
  }

  /** A new custom table with its columns. */
  record AddTable(Table table, FmapLocation location) implements SchemaChange {
    public AddTable {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(location, "location");
    }
  }

  /** An alternate key, typically over the source-id column that makes reruns upsert. */
  record AddAlternateKey(String table, AlternateKey key, FmapLocation location) implements SchemaChange {
    public AddAlternateKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(location, "location");
    }
  }

  /** A many-to-many relationship. */
  record AddRelationship(Relationship relationship, FmapLocation location) implements SchemaChange {
    public AddRelationship {
      Objects.requireNonNull(relationship, "relationship");
      Objects.requireNonNull(location, "location");
    }
  }

  /** A business process flow on a table, with its stages in order. */
  record AddProcess(String name, String table, List<String> stages, FmapLocation location)
      implements SchemaChange {
    public AddProcess {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      stages = List.copyOf(stages);
      Objects.requireNonNull(location, "location");
    }
  }
}
