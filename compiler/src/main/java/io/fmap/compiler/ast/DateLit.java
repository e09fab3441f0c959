package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.time.LocalDate;

/** {@code 2024-01-31}: a calendar date, checked to exist when parsed. */
public record DateLit(LocalDate value, Span span) implements Literal {}
