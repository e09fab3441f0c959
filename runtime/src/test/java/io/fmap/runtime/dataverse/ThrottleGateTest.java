package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottleGateTest {

  @Test
  void startsAtTheServersHintButNeverAboveTheCap() {
    ThrottleGate gate = new ThrottleGate(10);
    gate.onDopHint(32);
    assertEquals(10, gate.limit());
    ThrottleGate hinted = new ThrottleGate(64);
    hinted.onDopHint(32);
    hinted.onDopHint(2); // only the first hint sets the level
    assertEquals(32, hinted.limit());
  }

  @Test
  void probesQuicklyThenHalvesOnceOnA429ThenGrowsAdditively() {
    ThrottleGate gate = new ThrottleGate(50);
    gate.onDopHint(8);
    for (int i = 0; i < 8; i++) gate.onSuccess();
    assertEquals(16, gate.limit(), "before any 429: a slot per success");
    gate.onThrottled(Duration.ofMillis(1));
    gate.onThrottled(Duration.ofMillis(1));
    assertEquals(8, gate.limit(), "two 429s in one pause halve once");
    for (int i = 0; i < 9; i++) gate.onSuccess();
    assertEquals(9, gate.limit(), "after a 429: one more slot per window of successes");
  }

  @Test
  void neverGrowsPastTheCap() {
    ThrottleGate gate = new ThrottleGate(6);
    for (int i = 0; i < 100; i++) gate.onSuccess();
    assertEquals(6, gate.limit());
  }

  @Test
  void retryAfterPausesEveryRequestForAtLeastThatLong() throws Exception {
    ThrottleGate gate = new ThrottleGate(4);
    gate.onThrottled(Duration.ofMillis(300));
    long start = System.nanoTime();
    gate.acquire(Duration.ofSeconds(5));
    gate.release();
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(290), "waited out the Retry-After");
  }

  @Test
  void theWaitForASlotIsBounded() throws Exception {
    ThrottleGate gate = new ThrottleGate(1);
    gate.acquire(Duration.ofSeconds(1));
    assertThrows(InterruptedIOException.class, () -> gate.acquire(Duration.ofMillis(50)));
  }

  @Test
  void concurrencyNeverPassesTheCapUnderContention() throws Exception {
    ThrottleGate gate = new ThrottleGate(3);
    gate.onDopHint(3);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      fs.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < 50; i++) {
          gate.acquire(Duration.ofSeconds(10));
          try { Thread.onSpinWait(); } finally { gate.release(); }
          gate.onSuccess();
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : fs) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    assertTrue(gate.maxInFlight() <= 3, "max in flight " + gate.maxInFlight());
  }
}
