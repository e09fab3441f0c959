package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code import "common.fmap"}: the path is relative to the importing file. */
public record ImportDecl(String path, Span span) implements Declaration {}
