package io.fmap.runtime.dataverse;

import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Relationship;
import io.fmap.schema.Table;

/** One step that brings an org's schema to what the migration needs. */
public sealed interface SchemaChange {
  /** The table the change publishes, or null for relationships (published with both sides). */
  String table();

  /** One line for the user and the audit log. */
  String describe();

  record CreateTable(Table t) implements SchemaChange {
    public String table() { return t.name(); }
    public String describe() { return "create table " + t.name() + " (with notes)"; }
  }

  record CreateColumn(String table, Column column) implements SchemaChange {
    public String describe() { return "create column " + table + "." + column.name() + " " + column.type(); }
  }

  record AddOption(String table, String column, OptionValue option) implements SchemaChange {
    public String describe() {
      return "add option " + option.value() + " '" + option.label() + "' to " + table + "." + column;
    }
  }

  record CreateKey(String table, AlternateKey key) implements SchemaChange {
    public String describe() { return "create alternate key " + table + "." + key.name() + " " + key.columns(); }
  }

  record CreateRelationship(Relationship r) implements SchemaChange {
    public String table() { return r.table1(); }
    public String describe() { return "create N:N relationship " + r.name() + " " + r.table1() + " <-> " + r.table2(); }
  }
}
