package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress lines of long verbs, on a fake clock: what a terminal and a CI log show, exactly. */
class ProgressRendererTest {
  private static final String ESC = "\u001b";

  private final AtomicLong now = new AtomicLong(0);
  private final AtomicLong throttles = new AtomicLong(0);
  private final StringWriter text = new StringWriter();

  private ProgressRenderer renderer(ProgressRenderer.Mode mode) {
    return new ProgressRenderer("migrate", new PrintWriter(text), mode, now::get, throttles::get);
  }

  @Test
  void terminalRedrawsTheObjectLinesInPlaceWithRateAndTimeLeft() {
    ProgressRenderer progress = renderer(ProgressRenderer.Mode.TTY);
    progress.expect("Company", 1000);
    progress.expect("Contact", 3000);
    now.set(1_000);
    progress.settled("Company", 500);
    now.set(2_000);
    progress.settled("Company", 500);
    throttles.set(2);
    now.set(4_000);
    progress.settled("Contact", 600);
    assertEquals(String.join("\n",
        "migrate  0:01  500 records/s  about 0:07 left" + ESC + "[K",
        "  Company                  500/1000       50%" + ESC + "[K",
        "  Contact                    0/3000        0%" + ESC + "[K",
        ESC + "[3A\rmigrate  0:02  500 records/s  about 0:06 left" + ESC + "[K",
        "  Company                 1000/1000      100%     500/s" + ESC + "[K",
        "  Contact                    0/3000        0%" + ESC + "[K",
        ESC + "[3A\rmigrate  0:04  400 records/s  throttled 2 times  about 0:06 left" + ESC + "[K",
        "  Company                 1000/1000      100%     500/s" + ESC + "[K",
        "  Contact                  600/3000       20%" + ESC + "[K",
        ""), text.toString());
  }

  @Test
  void terminalDrawsAtMostFourTimesASecond() {
    ProgressRenderer progress = renderer(ProgressRenderer.Mode.TTY);
    progress.expect("Company", 100_000);
    for (int i = 1; i <= 100; i++) {
      now.set(i * 10L); // a batch every 10 ms for one second
      progress.settled("Company", 100);
    }
    long drawings = text.toString().lines().filter(l -> l.contains("migrate")).count();
    assertEquals(4, drawings, text.toString());
  }

  @Test
  void aLogGetsOnePlainLinePerMinuteAndOneAtTheEnd() {
    ProgressRenderer progress = renderer(ProgressRenderer.Mode.PLAIN);
    progress.expect("Company", 12_000);
    for (int second = 1; second <= 150; second++) {
      now.set(second * 1000L);
      progress.settled("Company", 60);
      progress.tick();
    }
    progress.finish();
    progress.finish(); // closing twice prints nothing more
    assertEquals(String.join("\n",
        "migrate 1:00: Company 3600/12000 30%; 60 records/s; about 2:20 left",
        "migrate 2:00: Company 7200/12000 60%; 60 records/s; about 1:20 left",
        "migrate 2:30: Company 9000/12000 75%; 60 records/s; about 0:50 left",
        ""), text.toString());
    assertFalse(text.toString().contains(ESC), "no terminal control codes in a log");
  }

  @Test
  void theLastLineOfAFinishedRunShowsNoTimeLeft() {
    ProgressRenderer progress = renderer(ProgressRenderer.Mode.PLAIN);
    progress.expect("Company", 100);
    now.set(5_000);
    progress.settled("Company", 100);
    progress.finish();
    assertEquals("migrate 0:05: Company 100/100 100%; 20 records/s\n", text.toString());
  }

  @Test
  void unknownTotalsShowCountsWithoutPercentOrTimeLeft() {
    ProgressRenderer progress = renderer(ProgressRenderer.Mode.PLAIN);
    throttles.set(1);
    now.set(2_000);
    progress.settled("Deal", 30);
    progress.finish();
    assertEquals("migrate 0:02: Deal 30; 15 records/s; throttled 1 time\n", text.toString());
  }

  @Test
  void quietPrintsNothing() {
    ProgressRenderer progress = renderer(ProgressRenderer.Mode.QUIET);
    progress.expect("Company", 10);
    now.set(120_000);
    progress.settled("Company", 10);
    progress.tick();
    progress.finish();
    assertEquals("", text.toString());
  }

  @Test
  void clockShowsHoursOnlyWhenThereAreAny() {
    assertEquals("0:07", ProgressRenderer.clock(7_999));
    assertEquals("12:30", ProgressRenderer.clock(750_000));
    assertEquals("1:02:03", ProgressRenderer.clock(3_723_000));
  }
}
