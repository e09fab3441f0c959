package io.fmap.compiler.plan;

import io.fmap.compiler.ir.Expr;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A typed expression back in fmap spelling, for the plan: what a reviewer reads next to each
 * column. Nested operations are parenthesized, so the reading never depends on precedence rules,
 * and text is quoted with escapes, so a hostile string cannot forge a plan line.
 */
public final class ExprPrinter {

  private ExprPrinter() {}

  public static String print(Expr e) {
    if (e instanceof Expr.Literal l) return literal(l.value());
    if (e instanceof Expr.Field f) {
      StringBuilder path = new StringBuilder(name(f.field()));
      f.subPath().forEach(s -> path.append('.').append(name(s)));
      return path.toString();
    }
    if (e instanceof Expr.ParamRef p) return name(p.name());
    if (e instanceof Expr.LocalRef l) return name(l.name());
    if (e instanceof Expr.Call c) return io.fmap.compiler.check.FunctionTable.snakeCase(c.function()) + "(" + all(c.args()) + ")";
    if (e instanceof Expr.Unary u) {
      return (u.op() == Expr.UnaryOp.NOT ? "not " : "-") + operand(u.operand());
    }
    if (e instanceof Expr.Binary b) return operand(b.left()) + " " + symbol(b.op()) + " " + operand(b.right());
    if (e instanceof Expr.In in) return operand(in.value()) + " in [" + all(in.options()) + "]";
    if (e instanceof Expr.Conditional c) {
      return "if " + print(c.condition()) + " then " + print(c.then()) + " else " + print(c.otherwise());
    }
    if (e instanceof Expr.Match m) {
      String cases = m.cases().stream().map(c -> all(c.values()) + " -> " + print(c.result()))
          .collect(Collectors.joining("; "));
      String otherwise = m.otherwise().map(o -> "; else -> " + print(o)).orElse("");
      return "match " + print(m.subject()) + " { " + cases + otherwise + " }";
    }
    if (e instanceof Expr.Ref r) return "ref(" + name(r.object()) + ", " + print(r.id()) + ")";
    if (e instanceof Expr.RefField r) {
      return "ref(" + name(r.object()) + ", " + print(r.id()) + ")." + name(r.field());
    }
    if (e instanceof Expr.Owner o) return "owner(" + print(o.email()) + ")";
    if (e instanceof Expr.ValueMapApply v) return print(v.input()) + " | " + name(v.valueMap());
    if (e instanceof Expr.ListLiteral l) return "[" + all(l.items()) + "]";
    throw new IllegalArgumentException("no fmap spelling for " + e.getClass().getSimpleName());
  }

  private static String all(List<Expr> items) {
    return items.stream().map(ExprPrinter::print).collect(Collectors.joining(", "));
  }

  private static String operand(Expr e) {
    boolean compound = e instanceof Expr.Binary || e instanceof Expr.Conditional || e instanceof Expr.In;
    return compound ? "(" + print(e) + ")" : print(e);
  }

  private static String symbol(Expr.BinaryOp op) {
    return switch (op) {
      case ADD, CONCAT -> "+";
      case SUBTRACT -> "-";
      case MULTIPLY -> "*";
      case DIVIDE -> "/";
      case MODULO -> "%";
      case EQ -> "==";
      case NE -> "!=";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
      case AND -> "and";
      case OR -> "or";
      case COALESCE -> "??";
    };
  }

  static String literal(Object value) {
    if (value == null) return "null";
    if (value instanceof String s) return quote(s);
    if (value instanceof BigDecimal d) return d.toPlainString();
    return value.toString();
  }

  /** A name as written, or quoted when it is not a plain identifier ({@code "Custom Field 3"}). */
  static String name(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : quote(name);
  }

  /** Double-quoted, with quotes, backslashes and every non-printable character escaped. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20 || cp == 0x7F || Character.getType(cp) == Character.LINE_SEPARATOR
          || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR || Character.getType(cp) == Character.FORMAT) {
        out.append(String.format(java.util.Locale.ROOT, "\\u{%X}", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.append('"').toString();
  }

}
