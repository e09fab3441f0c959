package io.fmap.emulator.dataverse;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dataverse's three service-protection limits, per caller identity: requests and combined
 * execution time over a sliding window, and requests in flight. A request over a limit is
 * answered 429 with {@code Retry-After} in whole seconds: the time until enough of the window
 * has slid past for the request to fit. Refused requests do not count against the window.
 */
final class ServiceProtection {
  private final Clock clock;
  private volatile Limits limits;
  private final Map<String, Caller> callers = new ConcurrentHashMap<>();

  ServiceProtection(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  Limits limits() { return limits; }

  void limits(Limits newLimits) { this.limits = newLimits; }

  void reset() { callers.clear(); }

  /** Either a permit to run (release it with the request's row count) or a refusal. */
  sealed interface Admission permits Permit, Refusal {}

  record Refusal(DataverseError error, long retryAfterSeconds) implements Admission {}

  final class Permit implements Admission {
    private final Caller caller;
    private final long admittedAt;
    private boolean released;

    Permit(Caller caller, long admittedAt) {
      this.caller = caller;
      this.admittedAt = admittedAt;
    }

    /** Modelled execution time of a request that touched this many rows. */
    long cost(int rows) {
      Limits l = limits;
      return l.requestCostMillis() + (long) Math.max(0, rows) * l.rowCostMillis();
    }

    void release(int rows) {
      if (released || caller == null) return;
      released = true;
      synchronized (caller) {
        caller.inFlight--;
        caller.costs.addLast(new long[] {admittedAt, cost(rows)});
        caller.costSum += cost(rows);
      }
    }

    /** Remaining requests and execution time in the window, for the debug headers. */
    long[] remaining() {
      if (caller == null) return null;
      synchronized (caller) {
        return new long[] {Math.max(0, limits.requests() - caller.requests.size()),
            Math.max(0, limits.executionMillis() - caller.costSum)};
      }
    }
  }

  private static final class Caller {
    final Deque<Long> requests = new ArrayDeque<>();
    final Deque<long[]> costs = new ArrayDeque<>();
    long costSum;
    int inFlight;
  }

  Admission admit(String identity) {
    Limits l = limits;
    if (!l.enabled()) return new Permit(null, 0);
    Caller c = callers.computeIfAbsent(identity, k -> new Caller());
    long now = clock.millis();
    long windowMs = l.window().toMillis();
    synchronized (c) {
      while (!c.requests.isEmpty() && c.requests.peekFirst() <= now - windowMs) c.requests.pollFirst();
      while (!c.costs.isEmpty() && c.costs.peekFirst()[0] <= now - windowMs) c.costSum -= c.costs.pollFirst()[1];
      if (c.inFlight >= l.concurrent()) {
        return new Refusal(new DataverseError(429, DataverseError.CONCURRENCY_LIMIT,
            "Number of concurrent requests exceeded the limit of " + l.concurrent() + "."), 1);
      }
      if (c.requests.size() >= l.requests()) {
        long freeAt = c.requests.peekFirst() + windowMs;
        return new Refusal(new DataverseError(429, DataverseError.REQUEST_LIMIT, "Number of requests exceeded the limit of "
            + l.requests() + " over time window of " + l.window().toSeconds() + " seconds."), seconds(freeAt - now));
      }
      if (c.costSum >= l.executionMillis()) {
        long sum = c.costSum;
        long freeAt = now;
        for (long[] cost : c.costs) {
          sum -= cost[1];
          freeAt = cost[0] + windowMs;
          if (sum < l.executionMillis()) break;
        }
        return new Refusal(new DataverseError(429, DataverseError.TIME_LIMIT, "Combined execution time of incoming requests "
            + "exceeded limit of " + String.format("%,d", l.executionMillis()) + " milliseconds over time window of "
            + l.window().toSeconds() + " seconds. Decrease number of concurrent requests or reduce the duration of requests "
            + "and try again later."), seconds(freeAt - now));
      }
      c.requests.addLast(now);
      c.inFlight++;
      return new Permit(c, now);
    }
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }
}
