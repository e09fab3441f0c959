package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.math.BigDecimal;

/** A decimal number as written, scale included ({@code 1.50} keeps two places). */
public record DecimalLit(BigDecimal value, Span span) implements Literal {}
