package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code true} or {@code false}. */
public record BoolLit(boolean value, Span span) implements Literal {}
