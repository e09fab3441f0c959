package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** One column of a declared table: {@code budget: money required}. */
public record TableColumn(Name name, TypeRef type, boolean required, Span span) implements Node {}
