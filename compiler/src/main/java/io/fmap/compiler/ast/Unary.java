package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code not x}, {@code -x}. */
public record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}
