package io.fmap.runtime.cutover;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * {@code fmap delta --watch --every 15m --until 48h}: a delta pass, then another every period until the
 * window closes or the operator stops it. Each pass is its own run in the ledger; a pass that needs
 * attention (conflicts under {@code report}, refused rows) does not stop the watch, the report lists it.
 */
public final class DeltaWatch {

  /** One delta pass (a {@link Delta#run} with fresh connectors). */
  @FunctionalInterface
  public interface Pass {
    Delta.Result run() throws IOException;
  }

  /** Waits between passes; tests pass one that moves their clock instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Duration every;
  private final Duration until;
  private final Clock clock;
  private final Sleeper sleeper;

  public DeltaWatch(Duration every, Duration until, Clock clock, Sleeper sleeper) {
    if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("--every must be positive, got " + every);
    if (until.compareTo(every) < 0) {
      throw new IllegalArgumentException("--until (" + until + ") must be at least --every (" + every + ")");
    }
    this.every = every;
    this.until = until;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Runs passes on a fixed schedule (start + n × every): a slow pass delays the next one, never
   * piles passes up. At most until / every + 1 passes, however the clock behaves.
   */
  public List<Delta.Result> watch(Pass pass, BooleanSupplier stopped) throws IOException, InterruptedException {
    Instant start = clock.instant();
    Instant end = start.plus(until);
    long maxPasses = until.dividedBy(every) + 1;
    List<Delta.Result> results = new ArrayList<>();
    for (long n = 0; n < maxPasses; n++) {
      results.add(pass.run());
      Instant next = start.plus(every.multipliedBy(n + 1));
      if (stopped.getAsBoolean() || next.isAfter(end)) break;
      Duration wait = Duration.between(clock.instant(), next);
      if (!wait.isNegative()) sleeper.sleep(wait);
    }
    return results;
  }

  /** {@code 15m}, {@code 48h}, {@code 30s}, {@code 2d}: the durations the verb's options take. */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.length() >= 2) {
      try {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        switch (t.charAt(t.length() - 1)) {
          case 's': return Duration.ofSeconds(n);
          case 'm': return Duration.ofMinutes(n);
          case 'h': return Duration.ofHours(n);
          case 'd': return Duration.ofDays(n);
          default: break;
        }
      } catch (NumberFormatException notANumber) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration; write a number and a unit: 30s, 15m, 48h, 2d");
  }
}
