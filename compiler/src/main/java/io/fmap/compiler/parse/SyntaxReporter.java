package io.fmap.compiler.parse;

import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.DidYouMean;
import io.fmap.compiler.diag.Span;
import io.fmap.grammar.FMapLexer;
import io.fmap.grammar.FMapParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Turns what ANTLR noticed (a token it did not expect, a token it had to invent) into a finding
 * in plain words with a code, a caret and one line of help. ANTLR's own message text is never shown.
 */
final class SyntaxReporter {

  /** After this many syntax errors in one file the rest are noise: stop and say so. */
  static final int MAX_ERRORS = 50;

  private final Spans spans;
  private final List<Token> unclosedAtEnd;
  private final List<Diagnostic> diagnostics;
  private int errors;
  /** Lines that already have a finding: a second parser error there is nearly always the first one's echo. */
  private final java.util.Set<Integer> linesWithErrors = new java.util.HashSet<>();

  SyntaxReporter(Spans spans, List<Token> unclosedAtEnd, List<Diagnostic> diagnostics) {
    this.spans = spans;
    this.unclosedAtEnd = unclosedAtEnd;
    this.diagnostics = diagnostics;
  }

  /** A token that is not allowed where it stands. */
  void unexpected(Parser parser, Token found, IntervalSet expected) {
    if (echo(found)) return;
    Optional<Diagnostic> specific = valueMissingAtLineEnd(parser, found).or(() -> blockNotClosed(parser, found, expected));
    if (specific.isPresent()) {
      add(specific.get());
      return;
    }
    if (found.getType() == Token.EOF && !unclosedAtEnd.isEmpty()) {
      unclosedAtEnd(found);
      return;
    }
    if (found.getType() == Token.EOF) {
      add(Diagnostic.of(DiagnosticCode.UNEXPECTED_END, spans.of(found),
              "the file ends in the middle of " + ruleWords(parser.getContext()))
          .withLabel("expected " + TokenWords.expected(expected) + " here")
          .withHelp(helpFor(parser.getContext()).orElse("finish the declaration or delete it")));
      return;
    }
    Optional<Diagnostic> keyword = misspeltKeyword(parser, found, expected);
    if (keyword.isPresent()) {
      add(keyword.get());
      return;
    }
    Diagnostic d = Diagnostic.of(DiagnosticCode.UNEXPECTED_TOKEN, spans.of(found),
            "expected " + TokenWords.expected(expected) + ", found " + TokenWords.found(found))
        .withLabel("not expected here");
    Optional<String> help = helpFor(parser.getContext());
    add(help.isPresent() ? d.withHelp(help.get()) : d);
  }

  /** A token ANTLR could insert to go on: say it is missing, right after the previous token. */
  void missing(Parser parser, Token found, IntervalSet expected) {
    if (echo(found)) return;
    if (found.getType() == Token.EOF && !unclosedAtEnd.isEmpty()) {
      unclosedAtEnd(found);
      return;
    }
    Token previous = parser.getInputStream().LT(-1);
    Span where = previous == null ? spans.of(found) : spans.after(previous);
    String what = TokenWords.expected(expected);
    Diagnostic d = Diagnostic.of(DiagnosticCode.MISSING_TOKEN, where,
            "missing " + what + " before " + TokenWords.found(found))
        .withLabel("expected " + what + " here");
    Optional<String> help = helpFor(parser.getContext());
    add(help.isPresent() ? d.withHelp(help.get()) : d);
  }

  /** Found by the token pre-pass, before parsing; counted like syntax errors. */
  void add(Diagnostic diagnostic) {
    if (diagnostic.isError()) {
      errors++;
      linesWithErrors.add(diagnostic.span().startLine());
      diagnostic.labels().forEach(l -> linesWithErrors.add(l.span().startLine()));
    }
    if (errors > MAX_ERRORS) {
      diagnostics.add(Diagnostic.of(DiagnosticCode.TOO_MANY_ERRORS, diagnostic.span(),
              "stopped after " + MAX_ERRORS + " syntax errors in this file")
          .withHelp("fix the errors above and run fmap check again"));
      throw new TooManyErrors();
    }
    diagnostics.add(diagnostic);
  }

  private boolean echo(Token found) {
    return found.getType() != Token.EOF && linesWithErrors.contains(found.getLine());
  }

  /**
   * `x =` at the end of a line, with the next line's `y = ...` read as its value, shows up as an
   * unexpected `=` one line later; say what really happened: the line before ends too early.
   */
  private Optional<Diagnostic> valueMissingAtLineEnd(Parser parser, Token found) {
    if (found.getType() != FMapLexer.ASSIGN) return Optional.empty();
    Token name = parser.getInputStream().LT(-1);
    Token before = parser.getInputStream().LT(-2);
    if (name == null || before == null || name.getLine() <= before.getLine()) return Optional.empty();
    return Optional.of(Diagnostic.of(DiagnosticCode.MISSING_TOKEN, spans.after(before),
            "line " + before.getLine() + " ends after " + TokenWords.found(before) + ", before its value")
        .withLabel("expected an expression here")
        .withSecondary(spans.of(name), "so this line was read as the rest of it")
        .withHelp("finish the expression on line " + before.getLine() + ", or write `ignore` to leave the column unset"));
  }

  /** A declaration keyword inside an open block: the block's `}` is missing. */
  private Optional<Diagnostic> blockNotClosed(Parser parser, Token found, IntervalSet expected) {
    if (!expected.contains(FMapLexer.RBRACE) || !TokenWords.startsDeclaration(found.getType())) return Optional.empty();
    for (RuleContext c = parser.getContext(); c != null; c = c.parent) {
      org.antlr.v4.runtime.tree.TerminalNode open = null;
      if (c instanceof FMapParser.MapDeclContext m) open = m.LBRACE();
      if (c instanceof FMapParser.ValuemapDeclContext v) open = v.LBRACE();
      if (c instanceof FMapParser.TableDeclContext t) open = t.LBRACE();
      if (open != null) {
        return Optional.of(Diagnostic.of(DiagnosticCode.UNCLOSED_BLOCK, spans.of(found),
                "the `{` on line " + open.getSymbol().getLine() + " is not closed before this `" + found.getText() + "`")
            .withLabel("a new declaration starts here")
            .withSecondary(spans.of(open.getSymbol()), "opened here")
            .withHelp("add `}` after the last line of the block that starts on line " + open.getSymbol().getLine()));
      }
    }
    return Optional.empty();
  }

  /** Thrown to stop parsing a file that has more errors than a person will read. */
  static final class TooManyErrors extends ParseCancellationException {
    TooManyErrors() {
      super("too many syntax errors");
    }
  }

  private void unclosedAtEnd(Token eof) {
    Token opener = unclosedAtEnd.get(unclosedAtEnd.size() - 1);
    String closer = switch (opener.getType()) {
      case FMapLexer.LBRACE -> "}";
      case FMapLexer.LPAREN -> ")";
      default -> "]";
    };
    add(Diagnostic.of(DiagnosticCode.UNCLOSED_BLOCK_AT_END, spans.of(opener),
            "this `" + opener.getText() + "` is never closed")
        .withLabel("opened here")
        .withSecondary(spans.of(eof), "the file ends here")
        .withHelp("add `" + closer + "` where the block ends"));
    unclosedAtEnd.clear();
  }

  /** `mapp` where a declaration starts, or `ky name = x` in a map: a keyword with a typo. */
  private Optional<Diagnostic> misspeltKeyword(Parser parser, Token found, IntervalSet expected) {
    boolean declarationExpected = expected.contains(FMapLexer.MAP) && expected.contains(FMapLexer.VALUEMAP);
    if (found.getType() == FMapLexer.IDENT && declarationExpected) {
      Optional<String> guess = DidYouMean.closest(found.getText(), TokenWords.DECLARATION_KEYWORDS);
      String help = guess.map(g -> "did you mean `" + g + "`?").orElse(
          "a file holds declarations; each starts with one of: " + String.join(", ", TokenWords.DECLARATION_KEYWORDS));
      Diagnostic d = Diagnostic.of(DiagnosticCode.UNKNOWN_KEYWORD, spans.of(found),
          "`" + found.getText() + "` does not start a declaration").withLabel("unknown keyword").withHelp(help);
      return Optional.of(guess.isPresent() ? d.withSuggestion(spans.of(found), guess.get()) : d);
    }
    if (found.getType() == FMapLexer.IDENT) {
      List<String> expectedKeywords = expected.toList().stream()
          .filter(TokenWords::isKeyword).map(t -> TokenWords.kind(t).replace("`", "")).toList();
      Optional<String> guess = DidYouMean.closest(found.getText(), expectedKeywords);
      if (guess.isPresent()) {
        return Optional.of(Diagnostic.of(DiagnosticCode.UNKNOWN_KEYWORD, spans.of(found),
                "expected " + TokenWords.expected(expected) + ", found the name `" + found.getText() + "`")
            .withLabel("unknown keyword")
            .withHelp("did you mean `" + guess.get() + "`?")
            .withSuggestion(spans.of(found), guess.get()));
      }
    }
    Token previous = parser.getInputStream().LT(-1);
    boolean twoNamesInARow = previous != null && previous.getType() == FMapLexer.IDENT
        && (found.getType() == FMapLexer.IDENT || found.getType() == FMapLexer.QUOTED_NAME);
    if (twoNamesInARow) {
      Optional<String> guess = DidYouMean.closest(previous.getText(), TokenWords.keywords());
      if (guess.isPresent()) {
        return Optional.of(Diagnostic.of(DiagnosticCode.UNKNOWN_KEYWORD, spans.of(previous),
                "`" + previous.getText() + "` is not a keyword, and a name cannot stand here")
            .withLabel("unknown keyword")
            .withHelp("did you mean `" + guess.get() + "`?")
            .withSuggestion(spans.of(previous), guess.get()));
      }
    }
    return Optional.empty();
  }

  /** What the innermost declaration-like rule is, in words, for "the file ends in the middle of ...". */
  private static String ruleWords(RuleContext ctx) {
    for (RuleContext c = ctx; c != null; c = c.parent) {
      switch (c.getRuleIndex()) {
        case FMapParser.RULE_mapDecl: return "a map";
        case FMapParser.RULE_valuemapDecl: return "a value map";
        case FMapParser.RULE_paramDecl: return "a parameter";
        case FMapParser.RULE_importDecl: return "an import";
        case FMapParser.RULE_columnDecl: return "a column declaration";
        case FMapParser.RULE_tableDecl: return "a table declaration";
        case FMapParser.RULE_relationshipDecl: return "a relationship declaration";
        case FMapParser.RULE_processDecl: return "a process declaration";
        default: break;
      }
    }
    return "a declaration";
  }

  /** One line showing the shape the user was writing, from the innermost rule that has one. */
  static Optional<String> helpFor(RuleContext ctx) {
    for (RuleContext c = ctx; c != null; c = c.parent) {
      String help = switch (c.getRuleIndex()) {
        case FMapParser.RULE_mapItem -> "each line of a map reads `target_field = expression`, `key target_field = expression` or `let name = expression`";
        case FMapParser.RULE_mapDecl -> "a map reads `map spark.Object -> dynamics.table { ... }`, with optional `when ...`/`otherwise`, `where ...` and `after ...` before the `{`";
        case FMapParser.RULE_valueMapping, FMapParser.RULE_valueElse -> "each line of a value map reads `\"source value\" -> TargetLabel`, and `else -> TargetLabel` comes last";
        case FMapParser.RULE_valuemapDecl -> "a value map reads `valuemap name: spark.Object.field -> dynamics.table.column { ... }`";
        case FMapParser.RULE_paramDecl -> "a parameter reads `param name: type = default`";
        case FMapParser.RULE_importDecl -> "an import reads `import \"other.fmap\"`";
        case FMapParser.RULE_columnDecl -> "a column declaration reads `column dynamics.table.column: type`";
        case FMapParser.RULE_tableColumn, FMapParser.RULE_tableDecl -> "each line of a table reads `column_name: type` (add `required` if it must be set)";
        case FMapParser.RULE_relationshipDecl -> "a relationship reads `relationship name: dynamics.a many-to-many dynamics.b`";
        case FMapParser.RULE_processDecl -> "a process reads `process \"Name\" on dynamics.table stages [\"First\", \"Second\"]`";
        case FMapParser.RULE_typeRef, FMapParser.RULE_choiceOptions, FMapParser.RULE_choiceOption -> "types read like `text(100)`, `decimal(18,2)`, `lookup(dynamics.account)` or `choice { Gold, Silver }`";
        case FMapParser.RULE_matchCase, FMapParser.RULE_matchElse -> "each case of a match reads `value -> result`; `else -> result` comes last";
        case FMapParser.RULE_list -> "a list reads `[a, b, c]`";
        case FMapParser.RULE_file, FMapParser.RULE_declaration -> "a file holds declarations, each starting with one of: " + String.join(", ", TokenWords.DECLARATION_KEYWORDS);
        default -> switch (ruleOfPrimary(c)) {
          case "if" -> "an if reads `if condition then value else value`";
          case "ref" -> "a lookup reads `ref(spark.Object, id_field)`";
          case "owner" -> "an owner lookup reads `owner(email_field)`";
          case "match" -> "each case of a match reads `value -> result`; `else -> result` comes last";
          default -> null;
        };
      };
      if (help != null) return Optional.of(help);
    }
    return Optional.empty();
  }

  private static String ruleOfPrimary(RuleContext c) {
    if (c instanceof FMapParser.IfPrimaryContext) return "if";
    if (c instanceof FMapParser.RefPrimaryContext) return "ref";
    if (c instanceof FMapParser.OwnerPrimaryContext) return "owner";
    if (c instanceof FMapParser.MatchPrimaryContext) return "match";
    return "";
  }

  List<Diagnostic> diagnostics() {
    return new ArrayList<>(diagnostics);
  }
}
