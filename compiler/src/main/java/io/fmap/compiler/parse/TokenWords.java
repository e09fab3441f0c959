package io.fmap.compiler.parse;

import io.fmap.grammar.FMapLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Token kinds in the words a person uses: "a name", "`}`", "an expression". */
final class TokenWords {

  /** Keywords that start a top-level declaration, in the order the docs introduce them. */
  static final List<String> DECLARATION_KEYWORDS =
      List.of("map", "valuemap", "param", "import", "column", "table", "relationship", "process");

  private static final Set<Integer> DECLARATION_STARTS = Set.of(FMapLexer.MAP, FMapLexer.VALUEMAP,
      FMapLexer.PARAM, FMapLexer.IMPORT, FMapLexer.COLUMN, FMapLexer.TABLE, FMapLexer.RELATIONSHIP,
      FMapLexer.PROCESS);

  /** Tokens that can begin an expression; when most of them are expected we just say "an expression". */
  private static final Set<Integer> EXPRESSION_STARTS = Set.of(FMapLexer.STRING, FMapLexer.INT,
      FMapLexer.DECIMAL, FMapLexer.DATE, FMapLexer.DATETIME, FMapLexer.TRUE, FMapLexer.FALSE,
      FMapLexer.NULL, FMapLexer.LBRACK, FMapLexer.LPAREN, FMapLexer.IF, FMapLexer.MATCH,
      FMapLexer.REF, FMapLexer.OWNER, FMapLexer.IGNORE, FMapLexer.IDENT, FMapLexer.QUOTED_NAME,
      FMapLexer.NOT, FMapLexer.MINUS);

  /** Soft keywords are also names; listing them next to "a name" would only confuse. */
  private static final Set<Integer> SOFT_KEYWORDS = Set.of(FMapLexer.KEY, FMapLexer.OWNER,
      FMapLexer.REQUIRED, FMapLexer.STAGES, FMapLexer.ON, FMapLexer.IMPORT, FMapLexer.PARAM,
      FMapLexer.VALUEMAP, FMapLexer.COLUMN, FMapLexer.TABLE, FMapLexer.RELATIONSHIP,
      FMapLexer.PROCESS, FMapLexer.REF, FMapLexer.PARTY, FMapLexer.EACH, FMapLexer.RESOLVE,
      FMapLexer.FROM, FMapLexer.QUOTED_NAME);

  /** Tokens that can continue any operand; listing them hides the one token that was really needed. */
  private static final Set<Integer> CONTINUATIONS = Set.of(FMapLexer.QQ, FMapLexer.EQ, FMapLexer.NE,
      FMapLexer.LT, FMapLexer.LE, FMapLexer.GT, FMapLexer.GE, FMapLexer.PLUS, FMapLexer.MINUS,
      FMapLexer.STAR, FMapLexer.SLASH, FMapLexer.PERCENT, FMapLexer.DOT, FMapLexer.PIPE, FMapLexer.AND,
      FMapLexer.OR, FMapLexer.NOT, FMapLexer.IN);

  private TokenWords() {}

  /** Every keyword of the language, for "did you mean". */
  static List<String> keywords() {
    List<String> words = new ArrayList<>();
    for (int type = 1; type <= FMapLexer.VOCABULARY.getMaxTokenType(); type++) {
      String literal = FMapLexer.VOCABULARY.getLiteralName(type);
      if (literal != null && Character.isLetter(literal.charAt(1))) {
        words.add(literal.substring(1, literal.length() - 1));
      }
    }
    return words;
  }

  static boolean startsDeclaration(int type) {
    return DECLARATION_STARTS.contains(type);
  }

  static boolean isKeyword(int type) {
    String literal = FMapLexer.VOCABULARY.getLiteralName(type);
    return literal != null && Character.isLetter(literal.charAt(1));
  }

  /** One expected token kind. */
  static String kind(int type) {
    return switch (type) {
      case Token.EOF -> "the end of the file";
      case FMapLexer.IDENT -> "a name";
      case FMapLexer.QUOTED_NAME -> "a `quoted name`";
      case FMapLexer.STRING -> "a text in double quotes";
      case FMapLexer.INT -> "a whole number";
      case FMapLexer.DECIMAL -> "a decimal number";
      case FMapLexer.DATE -> "a date (YYYY-MM-DD)";
      case FMapLexer.DATETIME -> "a date-time";
      default -> {
        String literal = FMapLexer.VOCABULARY.getLiteralName(type);
        yield literal == null ? FMapLexer.VOCABULARY.getDisplayName(type)
            : "`" + literal.substring(1, literal.length() - 1) + "`";
      }
    };
  }

  /** The token actually found, e.g. "the name `nmae`", "the end of the file", "`}`". */
  static String found(Token token) {
    int type = token.getType();
    String text = token.getText() == null ? "" : token.getText();
    if (text.length() > 30) text = text.substring(0, 27) + "...";
    return switch (type) {
      case Token.EOF -> "the end of the file";
      case FMapLexer.IDENT, FMapLexer.QUOTED_NAME -> "the name `" + text + "`";
      case FMapLexer.STRING -> "the text " + text;
      case FMapLexer.INT, FMapLexer.DECIMAL -> "the number " + text;
      case FMapLexer.DATE, FMapLexer.DATETIME -> "the date " + text;
      default -> isKeyword(type) ? "the keyword `" + text + "`" : "`" + text + "`";
    };
  }

  /** The expected set in words: "`=`", "`}` or a name", "an expression", "a declaration (`map`, ...)". */
  static String expected(IntervalSet expected) {
    Set<Integer> types = new TreeSet<>(expected.toList());
    Set<String> words = new LinkedHashSet<>();
    if (types.containsAll(CONTINUATIONS)) {
      types.removeAll(CONTINUATIONS);
      if (types.isEmpty()) return "an operator";
    }
    long expressionStarts = types.stream().filter(EXPRESSION_STARTS::contains).count();
    if (types.contains(FMapLexer.IDENT) && expressionStarts >= 6) {
      types.removeAll(EXPRESSION_STARTS);
      types.removeAll(SOFT_KEYWORDS);
      words.add("an expression");
    }
    if (types.contains(FMapLexer.MAP) && types.contains(FMapLexer.VALUEMAP)) {
      types.removeAll(DECLARATION_STARTS);
      words.add("a declaration (" + String.join(", ", DECLARATION_KEYWORDS.stream().map(k -> "`" + k + "`").toList()) + ")");
    }
    if (types.contains(FMapLexer.IDENT)) {
      types.removeAll(SOFT_KEYWORDS);
    }
    List<Integer> ordered = new ArrayList<>(types);
    // Punctuation first (the usual fix), names and the end of the file last.
    ordered.sort((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : Integer.compare(a, b));
    for (int type : ordered) words.add(kind(type));
    return join(new ArrayList<>(words));
  }

  private static int rank(int type) {
    if (type == Token.EOF) return 3;
    if (type == FMapLexer.IDENT || type == FMapLexer.QUOTED_NAME) return 2;
    return isKeyword(type) ? 1 : 0;
  }

  static String join(List<String> words) {
    if (words.isEmpty()) return "something else";
    if (words.size() > 5) {
      int rest = words.size() - 4;
      words = new ArrayList<>(words.subList(0, 4));
      words.add("one of " + rest + " other things");
    }
    if (words.size() == 1) return words.get(0);
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }
}
