package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code left op right}; operators of one strength group to the left. */
public record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}
