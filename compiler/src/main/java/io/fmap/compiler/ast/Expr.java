package io.fmap.compiler.ast;

/** An expression: what computes a target value or a routing condition from a source record. */
public sealed interface Expr extends Node
    permits Literal, Path, Member, Call, Pipe, Binary, Unary, In, ListExpr, If, Match, Ref, Owner, Ignore {}
