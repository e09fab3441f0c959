package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** A {@code //} comment, text including the slashes, without the line break. */
public record Comment(String text, Span span) implements Node {}
