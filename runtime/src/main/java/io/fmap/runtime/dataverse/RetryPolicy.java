package io.fmap.runtime.dataverse;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a request is repeated.
 *
 * @param transientAttempts attempts for a repeatable request that meets 5xx or a broken connection
 * @param throttledAttempts attempts for a request answered 429 (never executed, so always repeatable)
 * @param baseDelay         first backoff after a transient failure; doubles each attempt
 * @param maxDelay          longest backoff
 * @param maxGateWait       longest wait for a throttle-gate slot
 * @param readTimeout       longest silence while reading an answer; a stalled connection then counts as broken
 */
public record RetryPolicy(int transientAttempts, int throttledAttempts, Duration baseDelay, Duration maxDelay,
                          Duration maxGateWait, Duration readTimeout) {

  /** Four minutes to read: bulk messages run long, and it is the Dataverse SDK's default timeout. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(6, 60, Duration.ofMillis(500), Duration.ofSeconds(30),
      Duration.ofMinutes(10), Duration.ofMinutes(4));

  /** Exponential backoff with jitter: uniformly between half and all of {@code base * 2^attempt}. */
  Duration backoff(int attempt) {
    long full = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }
}
