package io.fmap.compiler.ast;

/** A value written in the source text. */
public sealed interface Literal extends Expr, Constant
    permits TextLit, IntLit, DecimalLit, BoolLit, NullLit, DateLit, DateTimeLit {}
