package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** Every piece of the syntax tree knows where it was written. */
public sealed interface Node
    permits SourceFile, Comment, Declaration, MapItem, Routing, Expr, Constant, Name, QualifiedName,
        FieldPath, TypeRef, TypeArg, ChoiceOption, TableColumn, ValueMapping, ValueElse, MatchCase {

  Span span();
}
