package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;
import io.fmap.schema.Column;
import io.fmap.schema.OptionValue;
import java.util.List;
import java.util.Optional;

/**
 * A checked {@code valuemap NAME: spark.OBJECT.field -> dynamics.table.column { ... }}.
 *
 * @param sourceObject the Spark object of the source field
 * @param sourceField  the source picklist (or text) field
 * @param targetTable  the Dataverse table of the target column
 * @param targetColumn the choice column whose option set the targets belong to
 * @param entries      source value to option, in source order; no source value twice
 * @param otherwise    the {@code else} option, if any
 */
public record ValueMap(String name, String sourceObject, Column sourceField, String targetTable, Column targetColumn,
                       List<Entry> entries, Optional<OptionValue> otherwise, Span span) {

  public ValueMap { entries = List.copyOf(entries); }

  public record Entry(String source, OptionValue target, Span span) {}
}
