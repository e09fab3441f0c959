package io.fmap.compiler.diag;

/** A concrete edit that would fix the finding: replace the text of {@code span} with {@code replacement}. */
public record Suggestion(Span span, String replacement) {}
