package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code status in ["new", "open"]}, or with {@code not in}. */
public record In(Expr value, ListExpr list, boolean negated, Span span) implements Expr {}
