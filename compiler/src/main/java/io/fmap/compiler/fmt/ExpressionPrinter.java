package io.fmap.compiler.fmt;

import io.fmap.compiler.ast.*;
import io.fmap.compiler.parse.Keywords;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Expressions in canonical form: single spaces around operators, and exactly the parentheses
 * the binding strengths require (the tree keeps no parentheses, so none are kept by habit).
 */
final class ExpressionPrinter {

  /** Binding strengths, loosest first; {@link BinaryOp#precedence()} fills the middle. */
  private static final int IF = 0;
  /** Pipes and `??` share one level, read left to right. */
  private static final int PIPE = 1;
  private static final int NOT = 5;
  private static final int COMPARISON = 6;
  private static final int NEGATE = 9;
  private static final int POSTFIX = 10;
  private static final int ATOM = 11;

  private ExpressionPrinter() {}

  static String print(Expr expr) {
    return print(expr, 0);
  }

  private static String print(Expr expr, int context) {
    String text = body(expr);
    return strength(expr) < context ? "(" + text + ")" : text;
  }

  private static String body(Expr expr) {
    if (expr instanceof Pipe p) {
      return print(p.input(), PIPE) + " | " + name(p.function()) + (p.args().isEmpty() ? "" : "(" + args(p.args()) + ")");
    }
    if (expr instanceof Binary b) return binary(b);
    if (expr instanceof Unary u) {
      // Parentheses a reader wants although the parser does not: not (a == b), -(-x).
      if (u.op() == UnaryOp.NOT) {
        boolean comparison = u.operand() instanceof In || u.operand() instanceof Binary b && b.op().isComparison();
        return "not " + print(u.operand(), comparison ? ATOM : NOT);
      }
      return "-" + print(u.operand(), u.operand() instanceof Unary ? ATOM : NEGATE);
    }
    if (expr instanceof In in) {
      return print(in.value(), COMPARISON + 1) + (in.negated() ? " not in " : " in ") + print(in.list(), ATOM);
    }
    if (expr instanceof If i) {
      return "if " + print(i.condition(), 0) + " then " + print(i.then(), 0) + " else " + print(i.otherwise(), 0);
    }
    if (expr instanceof Match m) return match(m);
    if (expr instanceof Member m) return print(m.target(), POSTFIX) + "." + name(m.member());
    if (expr instanceof Path p) return p.segments().stream().map(ExpressionPrinter::name).collect(Collectors.joining("."));
    if (expr instanceof Call c) return name(c.function()) + "(" + args(c.args()) + ")";
    if (expr instanceof Ref r) return "ref(" + qualified(r.object()) + ", " + print(r.key(), 0) + ")";
    if (expr instanceof Owner o) return "owner(" + print(o.email(), 0) + ")";
    if (expr instanceof ListExpr l) return "[" + args(l.items()) + "]";
    if (expr instanceof Ignore) return "ignore";
    return literal((Literal) expr);
  }

  /** Left-associative: the right operand binds one step tighter; comparisons do not chain at all. */
  private static String binary(Binary b) {
    int p = b.op().precedence();
    int left = b.op().isComparison() ? p + 1 : p;
    int right = p + 1;
    if (b.op() == BinaryOp.OR) {
      // `a and b or c` is read wrongly often enough to keep the parentheses around the `and`.
      if (isAnd(b.left())) left = ATOM;
      if (isAnd(b.right())) right = ATOM;
    }
    return print(b.left(), left) + " " + b.op().symbol() + " " + print(b.right(), right);
  }

  private static boolean isAnd(Expr expr) {
    return expr instanceof Binary b && b.op() == BinaryOp.AND;
  }

  private static int strength(Expr expr) {
    if (expr instanceof Pipe) return PIPE;
    if (expr instanceof Binary b) return b.op().precedence();
    if (expr instanceof Unary u) return u.op() == UnaryOp.NOT ? NOT : NEGATE;
    if (expr instanceof In) return COMPARISON;
    // `if` has no closing word: its else-branch would swallow whatever follows.
    if (expr instanceof If) return IF;
    if (expr instanceof Member) return POSTFIX;
    return ATOM;
  }

  private static String match(Match m) {
    List<String> heads = m.cases().stream()
        .map(c -> c.patterns().stream().map(ExpressionPrinter::constant).collect(Collectors.joining(", ")))
        .toList();
    int width = Math.max(heads.stream().mapToInt(String::length).max().orElse(0),
        m.otherwise().isPresent() ? "else".length() : 0);
    StringBuilder out = new StringBuilder("match ").append(print(m.subject(), 0)).append(" {\n");
    for (int i = 0; i < m.cases().size(); i++) {
      out.append("  ").append(pad(heads.get(i), width)).append(" -> ")
          .append(indentFollowingLines(print(m.cases().get(i).result(), 0))).append('\n');
    }
    m.otherwise().ifPresent(e -> out.append("  ").append(pad("else", width)).append(" -> ")
        .append(indentFollowingLines(print(e, 0))).append('\n'));
    return out.append("}").toString();
  }

  private static String indentFollowingLines(String text) {
    return text.replace("\n", "\n  ");
  }

  static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String args(List<Expr> args) {
    return args.stream().map(a -> print(a, 0)).collect(Collectors.joining(", "));
  }

  static String constant(Constant c) {
    return c instanceof Name n ? name(n) : literal((Literal) c);
  }

  static String name(Name name) {
    return Keywords.needsQuotes(name.text()) ? "`" + name.text() + "`" : name.text();
  }

  static String qualified(QualifiedName name) {
    return name.parts().stream().map(ExpressionPrinter::name).collect(Collectors.joining("."));
  }

  static String literal(Literal literal) {
    if (literal instanceof TextLit t) return text(t.value());
    if (literal instanceof IntLit i) return Long.toString(i.value());
    if (literal instanceof DecimalLit d) return d.value().toPlainString();
    if (literal instanceof BoolLit b) return Boolean.toString(b.value());
    if (literal instanceof DateLit d) return d.value().toString();
    if (literal instanceof DateTimeLit d) return d.iso();
    return "null";
  }

  /** A text literal with the escapes the lexer reads back. */
  static String text(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
