package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** A field of a computed value: {@code ref(spark.Company, company_id).name}. */
public record Member(Expr target, Name member, Span span) implements Expr {}
