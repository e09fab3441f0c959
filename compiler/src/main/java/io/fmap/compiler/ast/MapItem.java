package io.fmap.compiler.ast;

/** A line in a map's body. */
public sealed interface MapItem extends Node permits Assignment, LetBinding, PartyItem {}
