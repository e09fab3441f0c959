package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/**
 * {@code ref(spark.Company, company_id)}: the migrated target record of the source record with
 * that id. Each ref is a dependency edge in the load order.
 */
public record Ref(QualifiedName object, Expr key, Span span) implements Expr {}
