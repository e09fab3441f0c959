package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code $filter} subset a migration needs: {@code eq ne gt ge lt le}, {@code and or not},
 * parentheses, {@code null}, strings, numbers, booleans and GUIDs, on plain columns, on
 * {@code _x_value} lookup columns and on one navigation step ({@code sdkmessageid/name}).
 * Text compares case-insensitively, as SQL Server does under Dataverse.
 */
sealed interface Filter {
  record And(Filter left, Filter right) implements Filter {}
  record Or(Filter left, Filter right) implements Filter {}
  record Not(Filter inner) implements Filter {}
  record Compare(String op, Operand left, Operand right) implements Filter {}

  sealed interface Operand {}
  record Path(String path) implements Operand {}
  record Literal(JsonNode value) implements Operand {}

  /** Looks a property path up on the row being tested. */
  interface Resolver extends Function<String, JsonNode> {}

  static boolean test(Filter f, Resolver row) {
    if (f instanceof And a) return test(a.left(), row) && test(a.right(), row);
    if (f instanceof Or o) return test(o.left(), row) || test(o.right(), row);
    if (f instanceof Not n) return !test(n.inner(), row);
    Compare c = (Compare) f;
    return compare(c.op(), value(c.left(), row), value(c.right(), row));
  }

  private static JsonNode value(Operand o, Resolver row) {
    return o instanceof Path p ? row.apply(p.path()) : ((Literal) o).value();
  }

  private static boolean compare(String op, JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull();
    boolean bNull = b == null || b.isNull();
    if (aNull || bNull) {
      return switch (op) {
        case "eq" -> aNull && bNull;
        case "ne" -> aNull != bNull;
        default -> false;
      };
    }
    int cmp;
    if (a.isNumber() && b.isNumber()) cmp = a.decimalValue().compareTo(b.decimalValue());
    else if (a.isBoolean() && b.isBoolean()) cmp = Boolean.compare(a.asBoolean(), b.asBoolean());
    else if (op.equals("eq")) return a.asText().equalsIgnoreCase(b.asText());
    else if (op.equals("ne")) return !a.asText().equalsIgnoreCase(b.asText());
    else cmp = a.asText().compareToIgnoreCase(b.asText());
    return switch (op) {
      case "eq" -> cmp == 0;
      case "ne" -> cmp != 0;
      case "gt" -> cmp > 0;
      case "ge" -> cmp >= 0;
      case "lt" -> cmp < 0;
      case "le" -> cmp <= 0;
      default -> false;
    };
  }

  /** Every property path the filter reads, so unknown ones can be rejected before any row is read. */
  static List<String> paths(Filter f) {
    List<String> out = new ArrayList<>();
    collect(f, out);
    return out;
  }

  private static void collect(Filter f, List<String> out) {
    if (f instanceof And a) { collect(a.left(), out); collect(a.right(), out); }
    else if (f instanceof Or o) { collect(o.left(), out); collect(o.right(), out); }
    else if (f instanceof Not n) collect(n.inner(), out);
    else if (f instanceof Compare c) {
      if (c.left() instanceof Path p) out.add(p.path());
      if (c.right() instanceof Path p) out.add(p.path());
    }
  }

  static Filter parse(String text) {
    return new Parser(text).parseAll();
  }

  /** Recursive descent over a hand-written tokenizer; errors are OData's 400 with the position. */
  final class Parser {
    private final String s;
    private int i;

    Parser(String s) { this.s = s; }

    Filter parseAll() {
      Filter f = or();
      skip();
      if (i < s.length()) throw error("unexpected '" + s.substring(i) + "'");
      return f;
    }

    private Filter or() {
      Filter left = and();
      while (word("or")) left = new Or(left, and());
      return left;
    }

    private Filter and() {
      Filter left = unary();
      while (word("and")) left = new And(left, unary());
      return left;
    }

    private Filter unary() {
      if (word("not")) return new Not(unary());
      skip();
      if (peek() == '(') {
        i++;
        Filter inner = or();
        skip();
        if (peek() != ')') throw error("')' expected");
        i++;
        return inner;
      }
      Operand left = operand();
      skip();
      int start = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
      String op = s.substring(start, i);
      if (!List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) throw error("comparison operator expected at '" + op + "'");
      Operand right = operand();
      return new Compare(op, left, right);
    }

    private Operand operand() {
      skip();
      if (i >= s.length()) throw error("value expected");
      char c = s.charAt(i);
      if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (i >= s.length()) throw error("unterminated string");
          char d = s.charAt(i++);
          if (d == '\'') {
            if (i < s.length() && s.charAt(i) == '\'') { b.append('\''); i++; continue; }
            break;
          }
          b.append(d);
        }
        return new Literal(com.fasterxml.jackson.databind.node.TextNode.valueOf(b.toString()));
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ')') i++;
      String token = s.substring(start, i);
      if (token.equals("null")) return new Literal(com.fasterxml.jackson.databind.node.NullNode.getInstance());
      if (token.equals("true") || token.equals("false")) {
        return new Literal(com.fasterxml.jackson.databind.node.BooleanNode.valueOf(Boolean.parseBoolean(token)));
      }
      if (token.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
        return new Literal(com.fasterxml.jackson.databind.node.TextNode.valueOf(token.toLowerCase(Locale.ROOT)));
      }
      if (token.matches("-?[0-9]+(\\.[0-9]+)?")) {
        return new Literal(com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal(token)));
      }
      if (token.matches("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?")) {
        return new Literal(com.fasterxml.jackson.databind.node.TextNode.valueOf(token));
      }
      // Enum literals of the metadata API: Microsoft.Dynamics.CRM.AttributeTypeCode'Picklist'
      java.util.regex.Matcher enumLiteral = java.util.regex.Pattern.compile("[A-Za-z.]+'([^']*)'").matcher(token);
      if (enumLiteral.matches()) return new Literal(com.fasterxml.jackson.databind.node.TextNode.valueOf(enumLiteral.group(1)));
      if (token.matches("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)?")) return new Path(token);
      throw error("cannot read '" + token + "'");
    }

    private boolean word(String w) {
      skip();
      if (s.regionMatches(i, w, 0, w.length()) && (i + w.length() == s.length()
          || Character.isWhitespace(s.charAt(i + w.length())) || s.charAt(i + w.length()) == '(')) {
        i += w.length();
        return true;
      }
      return false;
    }

    private char peek() { return i < s.length() ? s.charAt(i) : '\0'; }

    private void skip() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

    private DataverseError error(String what) {
      return DataverseError.badRequest(DataverseError.ODATA, "Syntax error at position " + i + " in '" + s + "': " + what + ".");
    }
  }
}
