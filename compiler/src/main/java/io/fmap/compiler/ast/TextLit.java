package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code "Imported: "} — the value with escapes already resolved. */
public record TextLit(String value, Span span) implements Literal {}
