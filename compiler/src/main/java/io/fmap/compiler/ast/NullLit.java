package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code null}: no value. */
public record NullLit(Span span) implements Literal {}
