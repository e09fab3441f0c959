package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** A whole number, e.g. {@code 90}. */
public record IntLit(long value, Span span) implements Literal {}
