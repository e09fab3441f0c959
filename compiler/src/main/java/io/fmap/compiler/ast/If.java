package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code if condition then a else b}. */
public record If(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {}
