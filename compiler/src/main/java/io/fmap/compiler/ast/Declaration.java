package io.fmap.compiler.ast;

/** What a file holds at its top level. */
public sealed interface Declaration extends Node
    permits ImportDecl, ParamDecl, MapDecl, ValueMapDecl, ColumnDecl, TableDecl, RelationshipDecl, ProcessDecl {}
