package io.fmap.emulator.dataverse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures on purpose, for testing a client's retries: a share of requests answered 500 or 503,
 * cut off mid-response, or slowed down. The choice for request number n depends only on the seed
 * and n, so a run is reproducible; tests can also script exactly which request fails and how.
 */
public final class Faults {
  /** What happens to one request. */
  public enum Kind { NONE, ERROR_500, ERROR_503, DROP_CONNECTION, SLOW }

  private static final Kind[] RANDOM_KINDS = {Kind.ERROR_500, Kind.ERROR_503, Kind.DROP_CONNECTION, Kind.SLOW};

  private volatile double rate;
  private volatile long seed;
  private volatile long slowMillis;
  private final Map<Long, Kind> scripted = new ConcurrentHashMap<>();

  public Faults(double rate, long seed, long slowMillis) {
    if (rate < 0 || rate > 1) throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + rate);
    this.rate = rate;
    this.seed = seed;
    this.slowMillis = slowMillis;
  }

  public static Faults off() { return new Faults(0, 0, 2000); }

  /** Makes request number n (1-based, counted over Web API requests) fail this way. */
  public Faults script(long requestNumber, Kind kind) {
    scripted.put(requestNumber, kind);
    return this;
  }

  public Faults random(double newRate, long newSeed) {
    if (newRate < 0 || newRate > 1) throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + newRate);
    this.rate = newRate;
    this.seed = newSeed;
    return this;
  }

  public void clear() {
    scripted.clear();
    rate = 0;
  }

  long slowMillis() { return slowMillis; }

  public Faults slowMillis(long millis) {
    this.slowMillis = millis;
    return this;
  }

  Kind decide(long requestNumber) {
    Kind k = scripted.remove(requestNumber);
    if (k != null) return k;
    if (rate <= 0) return Kind.NONE;
    long h = mix(seed * 0x9E3779B97F4A7C15L + requestNumber);
    double draw = (h >>> 11) * 0x1.0p-53;
    if (draw >= rate) return Kind.NONE;
    return RANDOM_KINDS[(int) Long.remainderUnsigned(mix(h), RANDOM_KINDS.length)];
  }

  /** SplitMix64's finaliser: a well-spread hash of (seed, n) without shared random state. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
