package io.fmap.emulator.spark;

/**
 * A fixed one-second window: the first {@code perSecond} requests of each second pass, the rest
 * get 429 with the whole seconds left until the window ends as Retry-After.
 */
final class RateLimit {
  private final int perSecond;
  private long windowStart;
  private int used;

  RateLimit(int perSecond) {
    this.perSecond = perSecond;
  }

  /** 0 when the request may pass, else the seconds to wait. */
  synchronized long admit(long nowMillis) {
    if (perSecond == 0) return 0;
    if (nowMillis - windowStart >= 1000) {
      windowStart = nowMillis;
      used = 0;
    }
    if (used < perSecond) {
      used++;
      return 0;
    }
    return Math.max(1, (windowStart + 1000 - nowMillis + 999) / 1000);
  }
}
