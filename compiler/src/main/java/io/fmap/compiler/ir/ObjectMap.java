package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;
import io.fmap.schema.Column;
import io.fmap.schema.Table;
import java.util.List;
import java.util.Optional;

/**
 * One checked {@code map SOURCE -> TARGET}.
 *
 * @param name        unique, deterministic name ({@code Contact_to_lead}; {@code _2}, {@code _3} when a pair repeats)
 * @param source      the source object
 * @param target      the target table (with declared schema changes applied)
 * @param when        the routing condition (bool); empty for an unconditional or {@code otherwise} map
 * @param otherwise   the map takes the records no conditional map of its object took
 * @param filter      the {@code where} condition: records failing it are skipped on purpose
 * @param keys        the {@code key} assignments: the alternate key upserts go by (usually one column)
 * @param locals      {@code let} bindings in source order; each may use the ones before it
 * @param assignments every other assignment, in source order
 * @param ignored     columns the map leaves out on purpose ({@code = ignore})
 * @param after       source objects named by {@code after}, loaded before this one
 * @param parties     {@code party} lines in source order (activity participants, written with the row)
 * @param span        the {@code map} declaration
 */
public record ObjectMap(String name, Table source, Table target, Optional<Expr> when, boolean otherwise,
                        Optional<Expr> filter, List<Assignment> keys, List<Local> locals,
                        List<Assignment> assignments, List<Column> ignored, List<String> after,
                        List<Party> parties, Span span) {

  public ObjectMap {
    parties = List.copyOf(parties);
    keys = List.copyOf(keys);
    locals = List.copyOf(locals);
    assignments = List.copyOf(assignments);
    ignored = List.copyOf(ignored);
    after = List.copyOf(after);
  }

  /** A map without {@code party} lines (every table but email, appointment and the other activities). */
  public ObjectMap(String name, Table source, Table target, Optional<Expr> when, boolean otherwise,
                   Optional<Expr> filter, List<Assignment> keys, List<Local> locals,
                   List<Assignment> assignments, List<Column> ignored, List<String> after, Span span) {
    this(name, source, target, when, otherwise, filter, keys, locals, assignments, ignored, after, List.of(), span);
  }

  /** The file the map is written in, for generated comments. */
  public String file() { return span.file(); }

  /** {@code let name = value}. */
  public record Local(String name, Expr value, Span span) {}
}
