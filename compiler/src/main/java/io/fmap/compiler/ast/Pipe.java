package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/** {@code input | function(args)}: the function applied with {@code input} as its first argument. */
public record Pipe(Expr input, Name function, List<Expr> args, Span span) implements Expr {

  public Pipe {
    args = List.copyOf(args);
  }
}
