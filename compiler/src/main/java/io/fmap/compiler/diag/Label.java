package io.fmap.compiler.diag;

/** A secondary span with a short note, e.g. "the block opened here". */
public record Label(Span span, String message) {}
