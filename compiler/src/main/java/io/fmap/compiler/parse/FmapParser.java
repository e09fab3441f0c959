package io.fmap.compiler.parse;

import io.fmap.compiler.ast.Comment;
import io.fmap.compiler.ast.Declaration;
import io.fmap.compiler.ast.SourceFile;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.grammar.FMapLexer;
import io.fmap.grammar.FMapParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The entry point of the front end: text of one {@code .fmap} file in, AST and syntax findings
 * out. Never throws on bad input; a file with errors still yields every declaration that
 * parsed cleanly and as many findings as recovery can find (up to {@link SyntaxReporter#MAX_ERRORS}).
 */
public final class FmapParser {

  /**
   * Brackets nested deeper than this are refused before parsing: the recursive-descent parser
   * would otherwise run out of stack on hostile input. No real mapping comes near it.
   */
  public static final int MAX_NESTING = 200;

  private FmapParser() {}

  public static ParseResult parse(String fileName, String text) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Spans spans = new Spans(fileName);
    String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Span whole = wholeFile(fileName, source);
    int nul = source.indexOf('\0');
    if (nul >= 0) {
      diagnostics.add(Diagnostic.of(DiagnosticCode.NOT_TEXT, pointAt(fileName, source, nul),
              "this file holds binary data (a NUL byte), not .fmap text")
          .withLabel("binary byte here")
          .withHelp("check the path: only text files ending in .fmap belong among the mappings"));
      return new ParseResult(new SourceFile(fileName, List.of(), List.of(), whole), diagnostics);
    }
    List<Comment> comments = new ArrayList<>();
    List<Token> unclosed = new ArrayList<>();
    SyntaxReporter reporter = new SyntaxReporter(spans, unclosed, diagnostics);
    List<Declaration> declarations = List.of();
    try {
      List<Token> tokens = tokens(source, fileName, spans, reporter, comments, unclosed);
      if (tokens != null) declarations = parseTokens(tokens, spans, reporter, diagnostics);
    } catch (SyntaxReporter.TooManyErrors e) {
      // the reporter has said so in a finding
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.of(DiagnosticCode.TOO_DEEPLY_NESTED, Span.startOf(fileName),
              "this file nests expressions too deeply for fmap to read")
          .withHelp("split the expression with `let` bindings; no mapping needs this much nesting"));
      declarations = List.of();
    }
    if (declarations.isEmpty() && diagnostics.isEmpty()) {
      diagnostics.add(Diagnostic.of(DiagnosticCode.EMPTY_FILE, Span.startOf(fileName),
              "this file has no declarations")
          .withHelp("add a `map`, `valuemap` or other declaration, or delete the file"));
    }
    return new ParseResult(new SourceFile(fileName, declarations, comments, whole), diagnostics);
  }

  /**
   * Lexes the whole file and deals with error tokens before the parser sees them: each bad
   * character or unclosed literal becomes one finding, and the parser gets a repaired token so
   * it does not report the same mistake again. Returns null when the file must not be parsed.
   */
  private static List<Token> tokens(String source, String fileName, Spans spans, SyntaxReporter reporter,
                                    List<Comment> comments, List<Token> unclosed) {
    FMapLexer lexer = new FMapLexer(CharStreams.fromString(source, fileName));
    lexer.removeErrorListeners();
    List<Token> tokens = new ArrayList<>();
    Deque<Token> open = new ArrayDeque<>();
    for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
      switch (token.getType()) {
        case FMapLexer.COMMENT -> comments.add(new Comment(token.getText(), spans.of(token)));
        case FMapLexer.UNEXPECTED_CHAR -> reporter.add(unexpectedCharacter(token, spans));
        case FMapLexer.UNTERMINATED_STRING -> {
          reporter.add(Diagnostic.of(DiagnosticCode.UNTERMINATED_STRING, spans.of(token),
                  "this text is not closed before the end of the line")
              .withLabel("missing `\"` at the end")
              .withHelp("close the text with `\"` on the same line; write a line break inside text as \\n"));
          tokens.add(repaired(token, FMapLexer.STRING, closeText(token.getText(), '"')));
        }
        case FMapLexer.UNTERMINATED_QUOTED_NAME -> {
          reporter.add(Diagnostic.of(DiagnosticCode.UNTERMINATED_QUOTED_NAME, spans.of(token),
                  "this quoted name is not closed before the end of the line")
              .withLabel("missing ` at the end")
              .withHelp("close the name with a backtick (`) on the same line"));
          tokens.add(repaired(token, FMapLexer.QUOTED_NAME, token.getText().length() > 1 ? token.getText() + "`" : "`_`"));
        }
        default -> {
          if (!track(token, open, spans, reporter)) return null;
          tokens.add(token);
        }
      }
      if (token.getType() == Token.EOF) break;
    }
    open.descendingIterator().forEachRemaining(unclosed::add); // outermost first
    return tokens;
  }

  private static String closeText(String text, char quote) {
    return text.endsWith("\\") ? text + "\\" + quote : text + quote;
  }

  private static Token repaired(Token token, int type, String text) {
    CommonToken fixed = new CommonToken(token);
    fixed.setType(type);
    fixed.setText(text);
    return fixed;
  }

  /** Keeps the stack of open brackets; false when nesting passes {@link #MAX_NESTING}. */
  private static boolean track(Token token, Deque<Token> open, Spans spans, SyntaxReporter reporter) {
    switch (token.getType()) {
      case FMapLexer.LBRACE, FMapLexer.LPAREN, FMapLexer.LBRACK -> {
        open.push(token);
        if (open.size() > MAX_NESTING) {
          reporter.add(Diagnostic.of(DiagnosticCode.TOO_DEEPLY_NESTED, spans.of(token),
                  "brackets are nested more than " + MAX_NESTING + " deep here")
              .withLabel("nesting level " + open.size())
              .withHelp("split the expression with `let` bindings; no mapping needs this much nesting"));
          return false;
        }
      }
      case FMapLexer.RBRACE, FMapLexer.RPAREN, FMapLexer.RBRACK -> {
        int opener = switch (token.getType()) {
          case FMapLexer.RBRACE -> FMapLexer.LBRACE;
          case FMapLexer.RPAREN -> FMapLexer.LPAREN;
          default -> FMapLexer.LBRACK;
        };
        // A closer for an outer bracket closes the inner ones too; the parser reports those where it notices.
        if (open.stream().anyMatch(t -> t.getType() == opener)) {
          while (open.pop().getType() != opener) {
            continue;
          }
        } else {
          reporter.add(Diagnostic.of(DiagnosticCode.UNEXPECTED_TOKEN, spans.of(token),
                  "this `" + token.getText() + "` closes nothing: no bracket before it is still open")
              .withLabel("unmatched")
              .withHelp("remove it, or look above for the opening bracket that is missing"));
        }
      }
      default -> { }
    }
    return true;
  }

  private static Diagnostic unexpectedCharacter(Token token, Spans spans) {
    String text = token.getText();
    int cp = text.codePointAt(0);
    String hint = switch (text) {
      case ";" -> "lines need no `;`: put each assignment on its own line";
      case "'" -> "text goes in double quotes: \"like this\"";
      case "&" -> "write `and` for both conditions";
      case "!" -> "write `not` to negate, or `!=` for not equal";
      case "#" -> "comments start with `//`";
      case "$", "@" -> "names are written plainly: letters, digits and `_`, or in `backticks`";
      default -> "remove it; names use letters, digits and `_`, or go in `backticks`";
    };
    String shown = Character.isISOControl(cp) || Character.isWhitespace(cp)
        ? String.format("U+%04X", cp) : "`" + text + "` (U+" + String.format("%04X", cp) + ")";
    return Diagnostic.of(DiagnosticCode.UNEXPECTED_CHARACTER, spans.of(token),
            "the character " + shown + " is not part of the .fmap language")
        .withLabel("unexpected character").withHelp(hint);
  }

  /** SLL first (fast, right for every valid file), full LL with friendly recovery only when that fails. */
  private static List<Declaration> parseTokens(List<Token> tokens, Spans spans, SyntaxReporter reporter,
                                               List<Diagnostic> diagnostics) {
    CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens, spans.file()));
    FMapParser parser = new FMapParser(stream);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    FMapParser.FileContext tree;
    try {
      tree = parser.file();
    } catch (ParseCancellationException e) {
      stream.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new FriendlyErrorStrategy(reporter));
      tree = parser.file();
    }
    return new AstBuilder(spans, diagnostics).declarations(tree);
  }

  private static Span wholeFile(String file, String text) {
    int lines = 1;
    int lastBreak = -1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
        lastBreak = i;
      }
    }
    int lastColumn = (int) text.substring(lastBreak + 1).codePoints().count() + 1;
    return new Span(file, 1, 1, lines, lastColumn, 0, (int) text.codePoints().count());
  }

  /** A one-character span at a UTF-16 index of the text. */
  private static Span pointAt(String file, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = (int) text.substring(lineStart, index).codePoints().count() + 1;
    int offset = (int) text.substring(0, index).codePoints().count();
    return new Span(file, line, column, line, column + 1, offset, offset + 1);
  }
}
