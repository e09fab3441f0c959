package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;
import io.fmap.schema.Column;

/**
 * {@code column = expression} in a map, checked.
 *
 * @param column         the target column (from the schema, or declared by a schema change)
 * @param value          the typed value
 * @param write          how the value goes on the wire: plain, bound lookup, or owner
 * @param phase          when it is written: on create, in the second pass, or as a state change after create
 * @param unsetWhenNull  {@code expr ?? ignore}: a null value leaves the column out instead of clearing it
 * @param span           the whole line
 */
public record Assignment(Column column, Expr value, Write write, Phase phase, boolean unsetWhenNull, Span span) {

  /** When the runtime writes an assignment. */
  public enum Phase {
    /** in the create/upsert of the row */
    CREATE,
    /** after every row of the tier exists: self-references and lookups that break a cycle */
    SECOND_PASS,
    /** statecode/statuscode: Dataverse takes them only on update, so the row is created open and closed after */
    STATE_CHANGE
  }
}
