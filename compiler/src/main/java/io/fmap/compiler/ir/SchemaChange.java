package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.Relationship;
import io.fmap.schema.Table;
import java.util.List;

/** Something the target schema needs before data moves; {@code fmap schema apply} makes it. */
public sealed interface SchemaChange {
  Span span();

  /** {@code column dynamics.TABLE.NAME: TYPE}. */
  record NewColumn(String table, Column column, Span span) implements SchemaChange {}

  /** {@code table dynamics.NAME { ... }}. */
  record NewTable(Table table, Span span) implements SchemaChange {}

  /** An alternate key a map's {@code key} line needs and the table does not have yet. */
  record NewKey(String table, AlternateKey key, Span span) implements SchemaChange {}

  /**
   * {@code relationship ... many-to-many ... [from spark.Object.field]}; {@code links} is the
   * {@code from} field, when written.
   */
  record NewRelationship(Relationship relationship, java.util.Optional<Links> links, Span span) implements SchemaChange {}

  /**
   * Where a declared relationship's links come from: every element of {@code object.field}, a list of
   * ids of {@code otherObject}, is one link.
   */
  record Links(String object, String field, String otherObject, Span span) {}

  /** {@code process "NAME" stages [...]}: a business process flow on {@code table}. */
  record NewProcess(String name, String table, List<String> stages, Span span) implements SchemaChange {
    public NewProcess { stages = List.copyOf(stages); }
  }
}
