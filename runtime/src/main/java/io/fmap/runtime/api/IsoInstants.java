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
 * digits directly; the ranges are still checked (the date by {@code LocalDate.of}, the offset by
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
    // LocalTime's ranges; the date's are checked by LocalDate.of. The seconds are counted directly
    // instead of through a LocalDateTime: two objects fewer per value (JFR, bench/).
    if (hour > 23 || minute > 59 || second > 59) return null;
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offset.getTotalSeconds();
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException impossible) {
      return null;
    }
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
