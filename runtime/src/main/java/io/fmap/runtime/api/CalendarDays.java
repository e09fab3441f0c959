package io.fmap.runtime.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The calendar date of an instant, without the per-call garbage of {@code LocalDate.ofInstant}.
 *
 * <p>Why: on Java 17 {@code ZoneOffset.getRules()} builds a new {@code ZoneRules} (with its own
 * {@code ConcurrentHashMap}) on every call, and {@code LocalDate.ofInstant} / {@code LocalDate.now}
 * call it each time; {@code days_since(...)} in a routing condition paid that twice per record
 * (JFR, bench/). A fixed offset needs no rules: the date is the epoch day of the shifted seconds.
 */
public final class CalendarDays {

  private static final long SECONDS_PER_DAY = 86_400;

  private CalendarDays() {}

  /** The date {@code instant} falls on in {@code zone}; region zones (with daylight saving) go through the JDK. */
  public static LocalDate dateAt(Instant instant, ZoneId zone) {
    if (zone instanceof ZoneOffset offset) return LocalDate.ofEpochDay(epochDayAt(instant, offset));
    return LocalDate.ofInstant(instant, zone);
  }

  /**
   * The same date as a count of days from 1970-01-01 ({@code dateAt(instant, zone).toEpochDay()}).
   * Why: {@code days_since} subtracts two such counts, and making a {@code LocalDate} of each only to
   * count its days again (a division-heavy calendar conversion each way) was a tenth of the bench's
   * generated contact transform, routing included (JFR, bench/).
   */
  public static long epochDayAt(Instant instant, ZoneId zone) {
    if (zone instanceof ZoneOffset offset) return Math.floorDiv(instant.getEpochSecond() + offset.getTotalSeconds(), SECONDS_PER_DAY);
    return LocalDate.ofInstant(instant, zone).toEpochDay();
  }
}
