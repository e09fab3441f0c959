package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** {@code owner(owner_email)}: the Dynamics user for an email, with the project's fallback rule. */
public record Owner(Expr email, Span span) implements Expr {}
