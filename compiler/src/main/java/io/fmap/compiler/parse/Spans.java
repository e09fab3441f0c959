package io.fmap.compiler.parse;

import io.fmap.compiler.diag.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Spans from ANTLR tokens, whose columns are 0-based code points and whose stop index is inclusive. */
final class Spans {

  private final String file;

  Spans(String file) {
    this.file = file;
  }

  Span of(Token token) {
    return between(token, token);
  }

  Span of(ParserRuleContext ctx) {
    Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
        ? ctx.getStart() : ctx.getStop();
    return between(ctx.getStart(), stop);
  }

  Span between(Token start, Token stop) {
    int length = Math.max(0, stop.getStopIndex() - stop.getStartIndex() + 1);
    if (stop.getType() == Token.EOF) length = 0;
    return new Span(file, start.getLine(), start.getCharPositionInLine() + 1,
        stop.getLine(), stop.getCharPositionInLine() + 1 + length,
        Math.max(0, start.getStartIndex()), Math.max(0, stop.getStartIndex()) + length);
  }

  /** The zero-width place right after a token: where a missing symbol belongs. */
  Span after(Token token) {
    Span s = of(token);
    return new Span(file, s.endLine(), s.endColumn(), s.endLine(), s.endColumn(), s.endOffset(), s.endOffset());
  }

  String file() {
    return file;
  }
}
