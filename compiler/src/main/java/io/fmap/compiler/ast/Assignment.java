package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code [key] target = value}; {@code key} marks the alternate key used for idempotent upsert. */
public record Assignment(boolean key, FieldPath target, Expr value, Span span) implements MapItem {}
