package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/** {@code [a, b, c]}. */
public record ListExpr(List<Expr> items, Span span) implements Expr {

  public ListExpr {
    items = List.copyOf(items);
  }
}
