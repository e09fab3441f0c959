package io.fmap.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CeilingTest {

  @Test
  void aShortLoadUnderDataversesDefaultsIsBoundByConcurrencyAndLatency() {
    // 200 requests of 100 rows, 210 ms each, 52 at a time: 0.8077 s
    Ceiling c = Ceiling.of(20_000, 100, 1, 10, 2, 52, 6000, 1_200_000, 300);
    assertEquals("concurrency", c.binding());
    assertEquals(20_000 / (200 * 210 / 52_000.0), c.rowsPerSecond(), 1e-6);
  }

  @Test
  void aLongLoadRunsIntoTheExecutionTimeBudgetAndIdentitiesAddUp() {
    // 1M rows in 100-row requests: X = 10,000 * 210 ms = 2,100,000 ms > 1,200,000 ms per 300 s
    Ceiling one = Ceiling.of(1_000_000, 100, 1, 10, 2, 52, 6000, 1_200_000, 300);
    assertEquals("execution time", one.binding());
    assertEquals(1_000_000 / (300 * (2_100_000 - 1_200_000) / 1_200_000.0), one.rowsPerSecond(), 1e-6);
    Ceiling two = Ceiling.of(1_000_000, 100, 2, 10, 2, 52, 6000, 1_200_000, 300);
    assertEquals("concurrency", two.binding(), "half the rows each: 1,050,000 ms fits in one window");
  }

  @Test
  void smallRequestsRunIntoTheRequestCount() {
    Ceiling c = Ceiling.of(100_000, 1, 1, 10, 2, 52, 6000, 1_200_000, 300);
    assertEquals("request count", c.binding());
    assertEquals(100_000 / (300 * (100_000 - 6000) / 6000.0), c.rowsPerSecond(), 1e-6);
  }
}
