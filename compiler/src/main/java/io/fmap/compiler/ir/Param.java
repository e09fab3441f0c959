package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;

/**
 * A {@code param} with the value it has in this run.
 *
 * @param value  {@code String}, {@code Long}, {@code java.math.BigDecimal}, {@code Boolean},
 *               {@code java.time.LocalDate} or {@code java.time.Instant}, matching {@code type}
 * @param origin where the value came from
 */
public record Param(String name, Type type, Object value, Origin origin, Span span) {
  public enum Origin {
    /** the default written in the {@code .fmap} file */
    DEFAULT,
    /** {@code fmap.yaml} ({@code params:}) */
    CONFIG
  }
}
