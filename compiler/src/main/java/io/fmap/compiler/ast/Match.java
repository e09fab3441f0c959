package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * {@code match subject { "a", "b" -> x  Gold -> y  else -> z }}. Without {@code else} the checker
 * proves every value of the subject's type has a case.
 */
public record Match(Expr subject, List<MatchCase> cases, Optional<Expr> otherwise, Span span) implements Expr {

  public Match {
    cases = List.copyOf(cases);
  }
}
