package io.fmap.runtime.dataverse;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flow control for one identity. Dataverse enforces its service-protection limits per user, so each
 * identity gets its own gate:
 * <ul>
 *   <li>a 429's {@code Retry-After} pauses every request of this identity for exactly that long;</li>
 *   <li>concurrency starts at the server's {@code x-ms-dop-hint} (capped by the configuration) and
 *       adapts: until the first 429 it grows by one slot per success (slow start, so a run reaches the
 *       server's capacity in a few round trips), after it by one slot per window of successes
 *       (additive increase); a 429 halves it (multiplicative decrease).</li>
 * </ul>
 */
public final class ThrottleGate {
  /** Before the first response tells us the server's hint. */
  static final int START = 4;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final int cap;
  private double limit;
  private boolean hinted;
  private boolean probing = true;
  private int inFlight;
  private int maxInFlight;
  private long pausedUntil = System.nanoTime();
  private long throttles;

  public ThrottleGate(int cap) {
    if (cap < 1) throw new IllegalArgumentException("cap must be at least 1");
    this.cap = cap;
    this.limit = Math.min(START, cap);
  }

  /**
   * Waits for a free slot outside any pause, for at most {@code maxWait}.
   *
   * @throws InterruptedIOException when the wait runs out (or the thread is interrupted), so callers
   *                                treat it like any other I/O failure of the request
   */
  public void acquire(Duration maxWait) throws InterruptedIOException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    lock.lock();
    try {
      while (true) {
        long now = System.nanoTime();
        long pause = pausedUntil - now;
        if (pause <= 0 && inFlight < (int) limit) break;
        long left = deadline - now;
        if (left <= 0) throw new InterruptedIOException("waited " + maxWait.toSeconds() + " s for the throttle gate");
        changed.awaitNanos(pause > 0 ? Math.min(pause, left) : left);
      }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the throttle gate");
    } finally {
      lock.unlock();
    }
  }

  /** Gives the slot back; every {@link #acquire} is paired with one release. */
  public void release() {
    lock.lock();
    try {
      inFlight--;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A request went through: grow by a slot per success while probing, else per {@code limit} successes. */
  public void onSuccess() {
    lock.lock();
    try {
      limit = Math.min(cap, limit + (probing ? 1.0 : 1.0 / limit));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The server's recommended parallelism; only the first hint sets the level, AIMD moves it after. */
  public void onDopHint(int hint) {
    if (hint < 1) return;
    lock.lock();
    try {
      if (!hinted) {
        hinted = true;
        limit = Math.min(cap, hint);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A 429: pause for exactly {@code retryAfter}; halve concurrency once per pause, not once per 429. */
  public void onThrottled(Duration retryAfter) {
    lock.lock();
    try {
      throttles++;
      probing = false;
      long now = System.nanoTime();
      if (pausedUntil <= now) limit = Math.max(1, limit / 2);
      pausedUntil = Math.max(pausedUntil, now + retryAfter.toNanos());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Current concurrency limit (whole slots). */
  public int limit() {
    lock.lock();
    try { return (int) limit; } finally { lock.unlock(); }
  }

  /** Requests in flight now; the load balancer sends new work to the gate with the most room. */
  public int room() {
    lock.lock();
    try {
      long pause = pausedUntil - System.nanoTime();
      return pause > 0 ? -(int) TimeUnit.NANOSECONDS.toMillis(pause) : (int) limit - inFlight;
    } finally { lock.unlock(); }
  }

  /** The most requests ever in flight at once: tests check it never passes the cap. */
  public int maxInFlight() {
    lock.lock();
    try { return maxInFlight; } finally { lock.unlock(); }
  }

  public long throttles() {
    lock.lock();
    try { return throttles; } finally { lock.unlock(); }
  }

  public int cap() { return cap; }
}
