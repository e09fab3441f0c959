package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code column dynamics.account.new_tier: choice { Gold, Silver }}: a column the migration adds. */
public record ColumnDecl(QualifiedName column, TypeRef type, boolean required, Span span) implements Declaration {}
