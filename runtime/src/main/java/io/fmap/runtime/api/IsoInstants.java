package io.fmap.runtime.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A fast path for the one timestamp shape exports nearly always use,
 * {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} followed by {@code Z}, {@code ±HH:MM} or nothing (UTC).
 *
 * <p>Why: {@code OffsetDateTime.parse} goes through the general {@code DateTimeFormatter} machinery
 * and was half of the CPU time of a generated contact transform (JFR, bench/). This reads the
 * digits directly; the ranges are still checked (the date by the calendar's month lengths, the offset by
 * {@code ZoneOffset.ofHoursMinutes}). Anything else (lower-case {@code t}/{@code z}, offsets with
 * seconds, years beyond four digits, an impossible date) answers null, and the caller falls back to
 * the JDK parsers, which accept or reject it with their usual rules: the fast path never accepts
 * what they would refuse nor reads a value differently.
 */
final class IsoInstants {
  private IsoInstants() {}

  /** The instant, or null when {@code s} is not in the fast shape or is not a valid date. */
  static Instant parse(String s) {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') return null;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if ((year | month | day | hour | minute) < 0) return null;
    int second = 0;
    int nanos = 0;
    int i = 16;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      if (second < 0) return null;
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && i - start < 9 && isDigit(s.charAt(i))) nanos = nanos * 10 + (s.charAt(i++) - '0');
        int count = i - start;
        if (count == 0 || (i < n && isDigit(s.charAt(i)))) return null;
        for (int k = count; k < 9; k++) nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n) {
      offset = ZoneOffset.UTC;
    } else if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int h = digits(s, i + 1, 2);
      int m = digits(s, i + 4, 2);
      if ((h | m) < 0) return null;
      try {
        offset = s.charAt(i) == '+' ? ZoneOffset.ofHoursMinutes(h, m) : ZoneOffset.ofHoursMinutes(-h, -m);
      } catch (DateTimeException outOfRange) {
        return null;
      }
    } else {
      return null;
    }
    // LocalTime's ranges and LocalDate's. The seconds are counted directly instead of through a
    // LocalDateTime (two objects fewer per value), and the day from the calendar fields instead of
    // through LocalDate.of(...).toEpochDay() (its leap-year checks and object were a twentieth of a
    // generated contact transform; JFR, bench/).
    if (hour > 23 || minute > 59 || second > 59 || !isRealDate(year, month, day)) return null;
    long seconds = epochDay(year, month, day) * 86_400 + hour * 3_600L + minute * 60L + second - offset.getTotalSeconds();
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Whether a four-digit year, a month and a day name a day of the proleptic Gregorian calendar, as {@code LocalDate.of} decides. */
  static boolean isRealDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    if (day <= 28) return true;
    int length = switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
    return day <= length;
  }

  private static boolean isLeapYear(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /**
   * Days from 1970-01-01 to a real date of a year from 0 to 9999, what {@code LocalDate.toEpochDay}
   * answers: the days_from_civil count of H. Hinnant's "chrono-compatible low-level date
   * algorithms", with March as the first month so that February's length comes last.
   */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;                                        // [0, 399]
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; // [0, 365], from March 1
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear; // [0, 146096]
    return era * 146_097L + dayOfEra - 719_468;                          // 719,468: 0000-03-01 to 1970-01-01
  }

  /**
   * The date {@code yyyy-MM-dd} at the start of {@code s} (what {@code Values.date} reads), or null
   * when those ten characters are not in that shape or name no real date. Why: {@code
   * LocalDate.parse} builds a formatter context per call and was the costliest step of a generated
   * contact transform after the instant fast path (JFR, bench/).
   */
  static LocalDate parseDate(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if ((year | month | day) < 0) return null;
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException impossible) {
      return null;
    }
  }

  /** The number in {@code s[from, from + count)}, or -1 when one of them is not an ASCII digit. */
  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) return -1;
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
