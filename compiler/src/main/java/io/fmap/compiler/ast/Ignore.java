package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code ignore}: leave the target column unset, on purpose. */
public record Ignore(Span span) implements Expr {}
