package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code let name = value}: a local name for the assignments below it in the same map. */
public record LetBinding(Name name, Expr value, Span span) implements MapItem {}
