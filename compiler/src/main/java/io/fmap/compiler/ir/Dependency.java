package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;

/**
 * An edge of the load order: records of {@code from} need records of {@code to} loaded first.
 *
 * @param from     the dependent source object
 * @param to       the source object it depends on
 * @param map      the map holding the reference
 * @param column   the lookup column written through the reference; null for {@code after}
 * @param reason   why the edge exists
 * @param twoPass  the edge is satisfied by a second pass instead of by ordering
 */
public record Dependency(String from, String to, String map, String column, Reason reason, boolean twoPass,
                         Span span) {
  public enum Reason {
    /** a {@code ref(...)} written into a lookup column */
    REF,
    /** an {@code after OBJECT} line */
    AFTER,
    /** a {@code party ... resolve} line: the tables searched by email are loaded first when they can be */
    PARTY,
    /** an {@code owner(...)} needs users to be resolvable; never a load-order edge, listed for the plan */
    OWNER
  }
}
