package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * A checked, typed expression. Names are resolved (fields to schema fields, functions to
 * {@code io.fmap.runtime.functions.Std} methods, value maps to {@link ValueMap}s), pipes are calls,
 * and every node keeps the span it came from so that generated code can cite {@code file:line}.
 */
public sealed interface Expr {
  Type type();

  Span span();

  /**
   * A constant: {@code String}, {@code Long}, {@code java.math.BigDecimal}, {@code Boolean},
   * {@code java.time.LocalDate}, {@code java.time.Instant}, or null for the {@code null} literal.
   */
  record Literal(Object value, Type type, Span span) implements Expr {}

  /**
   * A field of the source record being mapped.
   *
   * @param field   the source field's name as the schema spells it
   * @param subPath segments after the field, into a nested value ({@code related.id}); empty for a plain field
   */
  record Field(String field, List<String> subPath, Type type, Span span) implements Expr {
    public Field { subPath = List.copyOf(subPath); }
  }

  /** A {@code param}; its value is in {@link Program#params()}. */
  record ParamRef(String name, Type type, Span span) implements Expr {}

  /** A name bound by {@code let} in the enclosing map. */
  record LocalRef(String name, Type type, Span span) implements Expr {}

  /** A standard function: {@code function} is the name of a static method of {@code Std}. */
  record Call(String function, List<Expr> args, Type type, Span span) implements Expr {
    public Call { args = List.copyOf(args); }
  }

  record Unary(UnaryOp op, Expr operand, Type type, Span span) implements Expr {}

  record Binary(BinaryOp op, Expr left, Expr right, Type type, Span span) implements Expr {}

  /** {@code value in [a, b, c]}. */
  record In(Expr value, List<Expr> options, Type type, Span span) implements Expr {
    public In { options = List.copyOf(options); }
  }

  /** {@code if condition then a else b}. */
  record Conditional(Expr condition, Expr then, Expr otherwise, Type type, Span span) implements Expr {}

  /** {@code match subject { values -> result ... else -> otherwise }}; cases are tried in order. */
  record Match(Expr subject, List<Case> cases, Optional<Expr> otherwise, Type type, Span span) implements Expr {
    public Match { cases = List.copyOf(cases); }
  }

  record Case(List<Expr> values, Expr result, Span span) {
    public Case { values = List.copyOf(values); }
  }

  /**
   * {@code ref(OBJECT, id)}: the target row migrated from the source record {@code id} of {@code object}.
   *
   * @param tables the target tables the object's maps write (several when routing splits the object)
   */
  record Ref(String object, Expr id, List<String> tables, Type type, Span span) implements Expr {
    public Ref { tables = List.copyOf(tables); }
  }

  /** {@code ref(OBJECT, id).field}: a field of the referenced source record (read from the source, not the target). */
  record RefField(String object, Expr id, String field, Type type, Span span) implements Expr {}

  /** {@code owner(email)}: the systemuser (or fallback) that owns the row, by the project's owner rule. */
  record Owner(Expr email, Type type, Span span) implements Expr {}

  /** A value map applied to a value; the result is an option of the map's target column. */
  record ValueMapApply(String valueMap, Expr input, Type type, Span span) implements Expr {}

  /** {@code [a, b, c]} outside an {@code in}. */
  record ListLiteral(List<Expr> items, Type type, Span span) implements Expr {
    public ListLiteral { items = List.copyOf(items); }
  }

  enum UnaryOp { NOT, NEGATE }

  /** {@code CONCAT} is {@code +} on text; {@code COALESCE} is {@code ??}. */
  enum BinaryOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, CONCAT, EQ, NE, LT, LE, GT, GE, AND, OR, COALESCE }
}
