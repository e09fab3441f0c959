package io.fmap.compiler.ast;

/** How a map claims records of its source object: all of them, a condition, or the rest. */
public sealed interface Routing extends Node permits Routing.Unconditional, Routing.When, Routing.Otherwise {

  /** No {@code when}/{@code otherwise}: every record of the source object. The span is the map's header. */
  record Unconditional(io.fmap.compiler.diag.Span span) implements Routing {}

  /** {@code when condition}. */
  record When(Expr condition, io.fmap.compiler.diag.Span span) implements Routing {}

  /** {@code otherwise}: records no {@code when} of a sibling map took. */
  record Otherwise(io.fmap.compiler.diag.Span span) implements Routing {}
}
