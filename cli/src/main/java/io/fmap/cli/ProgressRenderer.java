package io.fmap.cli;

import io.fmap.runtime.exec.LoadProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How far a long verb is, per source object: records done of the total, records/s, the time left and
 * how often the target throttled. On a terminal the lines are redrawn in place, at most four times a
 * second; elsewhere (a CI log, a file) one plain line is printed per minute and one at the end, so a
 * log stays readable. Time comes from {@code millis}, so tests drive it and the output is exact.
 *
 * <p>Thread-safe: the load's worker threads report through {@link #settled}, a timer calls {@link #tick}.
 */
final class ProgressRenderer implements LoadProgress {

  /** Where the lines go and how often. */
  enum Mode {
    /** an interactive terminal: redraw in place */
    TTY(250),
    /** a log: a plain line per minute */
    PLAIN(60_000),
    /** {@code --quiet}: nothing at all */
    QUIET(Long.MAX_VALUE);

    final long everyMillis;

    Mode(long everyMillis) {
      this.everyMillis = everyMillis;
    }
  }

  /** A total not known up front (a delta, a source without a cheap count): no percentage, no time left. */
  static final long UNKNOWN = -1;

  private static final String UP = "\u001b[%dA\r";
  private static final String CLEAR_TO_END = "\u001b[K";

  private final String verb;
  private final PrintWriter out;
  private final Mode mode;
  private final LongSupplier millis;
  private final LongSupplier throttles;
  private final long started;
  private final Map<String, ObjectProgress> objects = new LinkedHashMap<>();
  private long lastDrawn;
  private int linesOnScreen;
  private boolean finished;

  /**
   * One source object's counts. Its rate is measured from its first settled batch to its last, without
   * that first batch (whose records were read and sent before the clock of the object started), so it
   * is not inflated at the start and does not decay once the object is done.
   */
  private static final class ObjectProgress {
    long total = UNKNOWN;
    long done;
    long firstMillis = -1;
    long firstBatch;
    long lastMillis;

    /** Records per second, once two batches have settled at different times. */
    java.util.Optional<Long> rate() {
      long span = lastMillis - firstMillis;
      return firstMillis < 0 || span <= 0 ? java.util.Optional.empty() : java.util.Optional.of((done - firstBatch) * 1000 / span);
    }
  }

  /**
   * @param verb      what is running, the first word of every line ({@code migrate})
   * @param throttles how many times the target has throttled so far (429s), read on each draw
   */
  ProgressRenderer(String verb, PrintWriter out, Mode mode, LongSupplier millis, LongSupplier throttles) {
    this.verb = verb;
    this.out = out;
    this.mode = mode;
    this.millis = millis;
    this.throttles = throttles;
    this.started = millis.getAsLong();
    this.lastDrawn = started;
  }

  /** Announces an object and how many records it has ({@link #UNKNOWN} if that is not known), in display order. */
  synchronized void expect(String object, long total) {
    objects.computeIfAbsent(object, o -> new ObjectProgress()).total = total;
  }

  @Override
  public void settled(String object, int records) {
    synchronized (this) {
      ObjectProgress p = objects.computeIfAbsent(object, o -> new ObjectProgress());
      long now = millis.getAsLong();
      if (p.firstMillis < 0) {
        p.firstMillis = now;
        p.firstBatch = records;
      }
      p.lastMillis = now;
      p.done += records;
    }
    tick();
  }

  /** Draws if the mode's interval has passed since the last drawing. */
  synchronized void tick() {
    if (mode == Mode.QUIET || finished) return;
    long now = millis.getAsLong();
    if (now - lastDrawn < mode.everyMillis) return;
    draw(now);
  }

  /** The last drawing, always printed (unless quiet): the totals the run ended with. */
  synchronized void finish() {
    if (mode == Mode.QUIET || finished) return;
    draw(millis.getAsLong());
    finished = true;
  }

  private void draw(long now) {
    lastDrawn = now;
    List<String> lines = mode == Mode.TTY ? screen(now) : List.of(logLine(now));
    if (mode == Mode.TTY && linesOnScreen > 0) out.print(String.format(Locale.ROOT, UP, linesOnScreen));
    for (String line : lines) {
      out.print(line);
      if (mode == Mode.TTY) out.print(CLEAR_TO_END);
      out.print('\n');
    }
    linesOnScreen = lines.size();
    out.flush();
  }

  /** The terminal view: a header line, then one line per object. */
  private List<String> screen(long now) {
    List<String> lines = new ArrayList<>();
    lines.add(verb + "  " + clock(now - started) + "  " + perSecond(allDone(), now - started) + " records/s"
        + throttled() + eta(now).map(e -> "  about " + e + " left").orElse(""));
    objects.forEach((object, p) -> {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s %s", object, counts(p)));
      p.rate().ifPresent(rate -> {
        line.append(String.format(Locale.ROOT, "  %6d/s", rate));
        if (p.total != UNKNOWN && p.done < p.total && rate > 0) {
          line.append("  ").append(clock((p.total - p.done) * 1000 / rate)).append(" left");
        }
      });
      lines.add(line.toString().stripTrailing());
    });
    return lines;
  }

  /** The log view: everything on one line. */
  private String logLine(long now) {
    List<String> parts = new ArrayList<>();
    objects.forEach((object, p) -> parts.add(object + " " + counts(p).replaceAll(" +", " ").strip()));
    return verb + " " + clock(now - started) + ": " + String.join(", ", parts) + "; "
        + perSecond(allDone(), now - started) + " records/s" + throttled().replace("  ", "; ")
        + eta(now).map(e -> "; about " + e + " left").orElse("");
  }

  private static String counts(ObjectProgress p) {
    if (p.total == UNKNOWN) return String.format(Locale.ROOT, "%9d", p.done);
    long percent = p.total == 0 ? 100 : Math.min(100, p.done * 100 / p.total);
    return String.format(Locale.ROOT, "%9d/%-9d %3d%%", p.done, p.total, percent);
  }

  private String throttled() {
    long n = throttles.getAsLong();
    return n == 0 ? "" : "  throttled " + n + (n == 1 ? " time" : " times");
  }

  private long allDone() {
    return objects.values().stream().mapToLong(p -> p.done).sum();
  }

  /** Time left for the whole run at the rate so far; empty until every total is known and a record is done, and once all are. */
  private java.util.Optional<String> eta(long now) {
    boolean allKnown = objects.values().stream().allMatch(p -> p.total != UNKNOWN);
    long done = allDone();
    if (!allKnown || objects.isEmpty() || done == 0 || now <= started) return java.util.Optional.empty();
    long left = objects.values().stream().mapToLong(p -> Math.max(0, p.total - p.done)).sum();
    return left == 0 ? java.util.Optional.empty() : java.util.Optional.of(clock(left * (now - started) / done));
  }

  private static String perSecond(long records, long elapsedMillis) {
    return elapsedMillis <= 0 ? "-" : Long.toString(records * 1000 / elapsedMillis);
  }

  /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}: minutes and seconds, hours when there are any. */
  static String clock(long millis) {
    long seconds = Math.max(0, millis) / 1000;
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
