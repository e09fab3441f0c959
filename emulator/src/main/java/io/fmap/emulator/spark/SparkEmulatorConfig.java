package io.fmap.emulator.spark;

import java.util.Objects;

/**
 * How the Spark emulator behaves.
 *
 * @param token          the bearer token every request must carry
 * @param requestsPerSecond the plan's rate limit; 0 for none
 * @param maxPageSize    the largest {@code limit} served
 */
public record SparkEmulatorConfig(String token, int requestsPerSecond, int maxPageSize) {
  public SparkEmulatorConfig {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) throw new IllegalArgumentException("the emulator needs a non-blank token");
    if (requestsPerSecond < 0) throw new IllegalArgumentException("rate limit must not be negative");
    if (maxPageSize < 1) throw new IllegalArgumentException("max page size must be at least 1");
  }

  public static SparkEmulatorConfig withToken(String token) {
    return new SparkEmulatorConfig(token, 0, 1000);
  }

  public SparkEmulatorConfig withRateLimit(int perSecond) {
    return new SparkEmulatorConfig(token, perSecond, maxPageSize);
  }
}
