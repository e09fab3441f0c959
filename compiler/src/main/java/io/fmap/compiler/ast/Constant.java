package io.fmap.compiler.ast;

/** A value written out in full: a literal, or a bare name standing for an option-set label. */
public sealed interface Constant extends Node permits Literal, Name {}
