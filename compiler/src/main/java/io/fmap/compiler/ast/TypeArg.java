package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** An argument of a type: a number ({@code text(100)}) or a name ({@code lookup(dynamics.account)}). */
public sealed interface TypeArg extends Node permits TypeArg.Number, TypeArg.Named {

  record Number(long value, Span span) implements TypeArg {}

  record Named(QualifiedName name, Span span) implements TypeArg {}
}
