package io.fmap.emulator.dataverse;

import java.time.Duration;
import java.util.Locale;

/**
 * Service-protection limits for one caller identity, and the cost model that stands in for
 * measured execution time: each request costs {@code requestCostMillis} plus
 * {@code rowCostMillis} per row it reads or writes.
 *
 * @param requests          requests allowed per window (Dataverse: 6000 per 300 s)
 * @param executionMillis   combined execution time allowed per window (Dataverse: 1,200,000 ms)
 * @param window            the sliding window
 * @param concurrent        requests allowed in flight at once (Dataverse: 52)
 * @param dopHint           the {@code x-ms-dop-hint} sent on every response
 * @param latency           when true, each request also takes its modelled cost in wall time
 */
public record Limits(boolean enabled, int requests, long executionMillis, Duration window, int concurrent, int dopHint,
                     long requestCostMillis, long rowCostMillis, boolean latency) {

  public static Limits none() {
    return new Limits(false, Integer.MAX_VALUE, Long.MAX_VALUE, Duration.ofSeconds(300), Integer.MAX_VALUE, 16, 10, 2, false);
  }

  /**
   * Dataverse's published defaults (fact sheet §4: 6000 requests and 1,200,000 ms of execution per
   * 300 s, 52 concurrent). The cost model (10 ms per request, 2 ms per row read or written) is an
   * assumption the fact sheet has no figure for; it stays low because reads are charged per row too
   * and a page holds up to 5000 rows. The load benchmark models written rows at 40 ms each, the one
   * public figure found (docs/emulator-dataverse.md, "Cost and latency model").
   */
  public static Limits defaults() {
    return new Limits(true, 6000, 1_200_000, Duration.ofSeconds(300), 52, 16, 10, 2, false);
  }

  /** Small enough for a test to reach in a few hundred requests. */
  public static Limits strict() {
    return new Limits(true, 100, 20_000, Duration.ofSeconds(30), 8, 4, 10, 2, false);
  }

  public static Limits profile(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none" -> none();
      case "default" -> defaults();
      case "strict" -> strict();
      default -> throw new IllegalArgumentException("unknown limits profile '" + name + "'; use none, default or strict");
    };
  }

  public Limits withRequests(int n) { return new Limits(enabled, n, executionMillis, window, concurrent, dopHint, requestCostMillis, rowCostMillis, latency); }
  public Limits withExecutionMillis(long n) { return new Limits(enabled, requests, n, window, concurrent, dopHint, requestCostMillis, rowCostMillis, latency); }
  public Limits withWindow(Duration w) { return new Limits(enabled, requests, executionMillis, w, concurrent, dopHint, requestCostMillis, rowCostMillis, latency); }
  public Limits withConcurrent(int n) { return new Limits(enabled, requests, executionMillis, window, n, dopHint, requestCostMillis, rowCostMillis, latency); }
  public Limits withDopHint(int n) { return new Limits(enabled, requests, executionMillis, window, concurrent, n, requestCostMillis, rowCostMillis, latency); }
  public Limits withCosts(long perRequest, long perRow) { return new Limits(enabled, requests, executionMillis, window, concurrent, dopHint, perRequest, perRow, latency); }
  public Limits withLatency(boolean on) { return new Limits(enabled, requests, executionMillis, window, concurrent, dopHint, requestCostMillis, rowCostMillis, on); }
}
