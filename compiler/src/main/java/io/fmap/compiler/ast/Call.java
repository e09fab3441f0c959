package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/** {@code days_since(last_activity_at)}: a standard (or project-declared) function. */
public record Call(Name function, List<Expr> args, Span span) implements Expr {

  public Call {
    args = List.copyOf(args);
  }
}
