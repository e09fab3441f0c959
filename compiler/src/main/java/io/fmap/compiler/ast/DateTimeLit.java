package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/**
 * {@code 2024-01-31T09:30:00Z}: kept as the ISO text it was written in (validated when parsed),
 * because a time without a zone and one with a zone are different things to the checker.
 */
public record DateTimeLit(String iso, Span span) implements Literal {}
