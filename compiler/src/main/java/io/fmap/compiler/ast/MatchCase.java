package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/** One arm of a {@code match}: the values it takes and what it gives. */
public record MatchCase(List<Constant> patterns, Expr result, Span span) implements Node {

  public MatchCase {
    patterns = List.copyOf(patterns);
  }
}
