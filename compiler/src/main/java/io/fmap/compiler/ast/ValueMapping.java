package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code "Lead In" -> Qualify}: a source value and the option (by label or number) it becomes. */
public record ValueMapping(Literal from, Constant to, Span span) implements Node {}
