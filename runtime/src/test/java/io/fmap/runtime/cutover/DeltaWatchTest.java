package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.exec.RunSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaWatchTest {

  /** A clock that only moves when the watch sleeps, or when a pass says it took time. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-29T08:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private static Delta.Result pass(long run) {
    return new Delta.Result(new RunSummary(run, false, List.of(), List.of(), Duration.ZERO), Delta.Policy.REPORT,
        Map.of(), List.of(), Map.of(), List.of());
  }

  @Test
  void passesRunEveryPeriodUntilTheWindowCloses() throws Exception {
    ManualClock clock = new ManualClock();
    List<Instant> starts = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    DeltaWatch watch = new DeltaWatch(Duration.ofMinutes(15), Duration.ofHours(1), clock, d -> {
      waits.add(d);
      clock.now = clock.now.plus(d);
    });
    List<Delta.Result> results = watch.watch(() -> {
      starts.add(clock.now);
      clock.now = clock.now.plusSeconds(120); // each pass takes two minutes
      return pass(starts.size());
    }, () -> false);
    assertEquals(5, results.size(), "at 0, 15, 30, 45 and 60 minutes");
    assertEquals(Instant.parse("2026-11-29T09:00:00Z"), starts.get(4));
    assertEquals(Duration.ofMinutes(13), waits.get(0), "the schedule, not the pass, sets the next start");
  }

  @Test
  void anOperatorStopEndsTheWatchAfterThePassInProgress() throws Exception {
    ManualClock clock = new ManualClock();
    int[] passes = {0};
    List<Delta.Result> results = new DeltaWatch(Duration.ofMinutes(15), Duration.ofHours(48), clock,
        d -> clock.now = clock.now.plus(d)).watch(() -> pass(++passes[0]), () -> passes[0] == 3);
    assertEquals(3, results.size());
  }

  @Test
  void durationsReadAsTheOptionsWriteThem() {
    assertEquals(Duration.ofMinutes(15), DeltaWatch.parseDuration("15m"));
    assertEquals(Duration.ofHours(48), DeltaWatch.parseDuration("48h"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeltaWatch.parseDuration("soon"));
    assertTrue(e.getMessage().contains("15m"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DeltaWatch(Duration.ofHours(1), Duration.ofMinutes(15),
        Clock.systemUTC(), d -> { }));
  }
}
