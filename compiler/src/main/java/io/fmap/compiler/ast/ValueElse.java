package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code else -> X}: what every source value without its own line becomes. */
public record ValueElse(Constant to, Span span) implements Node {}
