package io.fmap.runtime.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as fixed-width UTC text: sortable as strings and the same in SQLite and PostgreSQL. */
final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /**
   * Reads the text {@link #format} wrote directly: every ledger entry read carries two of them, and
   * {@code Instant.parse} (a general ISO parser) cost more than the rest of reading the entry. Any
   * other spelling goes through {@code Instant.parse}.
   */
  static Instant parse(String text) {
    if (text == null) return null;
    if (!fixedWidth(text)) return Instant.parse(text);
    long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
    long second = day * 86_400 + digits(text, 11, 13) * 3600L + digits(text, 14, 16) * 60L + digits(text, 17, 19);
    return Instant.ofEpochSecond(second, digits(text, 20, 23) * 1_000_000L);
  }

  /** {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} with digits where the pattern has them. */
  private static boolean fixedWidth(String text) {
    if (text.length() != 24) return false;
    for (int i = 0; i < 24; i++) {
      char c = text.charAt(i);
      boolean ok = switch (i) {
        case 4, 7 -> c == '-';
        case 10 -> c == 'T';
        case 13, 16 -> c == ':';
        case 19 -> c == '.';
        case 23 -> c == 'Z';
        default -> c >= '0' && c <= '9';
      };
      if (!ok) return false;
    }
    boolean hour = text.charAt(11) < '2' || text.charAt(12) < '4';
    return hour && text.charAt(14) < '6' && text.charAt(17) < '6';
  }

  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) n = n * 10 + (text.charAt(i) - '0');
    return n;
  }
}
