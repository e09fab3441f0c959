package io.fmap.runtime.functions;

import io.fmap.runtime.api.MappingException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reading dates and instants from text, and moving wall-clock times between zones. */
final class Dates {

  private Dates() {}

  /** Formats come from .fmap literals, so few; the bound only guards against formats taken from data. */
  private static final int MAX_CACHED_FORMATS = 256;
  private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();

  static LocalDate date(String text) {
    String value = text.strip();
    try {
      // A datetime where a date is expected keeps the date as written: Spark exports some dates that way.
      return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw MappingException.invalid("'" + text + "' is not a date (expected yyyy-MM-dd)");
    }
  }

  static LocalDate date(String text, String format) {
    try {
      return LocalDate.from(formatter(format).parse(text.strip()));
    } catch (DateTimeException e) {
      throw MappingException.invalid("'" + text + "' is not a date in the format " + format);
    }
  }

  /** ISO-8601 with an offset, or without one (then UTC), or a bare date (midnight UTC). */
  static Instant dateTime(String text) {
    String value = text.strip();
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
          throw MappingException.invalid("'" + text + "' is not a date and time (expected ISO-8601)");
        }
      }
    }
  }

  /** A date and time in {@code format}; UTC unless the format reads an offset or zone. */
  static Instant dateTime(String text, String format) {
    try {
      TemporalAccessor parsed = formatter(format).parse(text.strip());
      return atZone(parsed, ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw MappingException.invalid("'" + text + "' is not a date and time in the format " + format);
    }
  }

  /**
   * A wall-clock time in {@code zone} as an instant. In a daylight-saving gap the time moves
   * forward by the gap; in an overlap the earlier instant wins (what {@code ZonedDateTime} does).
   */
  static Instant toUtc(String text, String format, String zone) {
    ZoneId zoneId = zone(zone);
    try {
      TemporalAccessor parsed = format == null
          ? LocalDateTime.parse(text.strip().replace(' ', 'T'))
          : formatter(format).parse(text.strip());
      return atZone(parsed, zoneId);
    } catch (DateTimeException e) {
      String expected = format == null ? "ISO-8601 yyyy-MM-ddTHH:mm[:ss]" : "the format " + format;
      throw MappingException.invalid("'" + text + "' is not a date and time in " + expected);
    }
  }

  private static Instant atZone(TemporalAccessor parsed, ZoneId defaultZone) {
    if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) return Instant.from(parsed);
    LocalDate date = LocalDate.from(parsed);
    LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY)
        ? LocalDateTime.from(parsed) : date.atStartOfDay();
    return local.atZone(defaultZone).toInstant();
  }

  private static ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw MappingException.invalid("'" + zone + "' is not a time zone (use a region such as Europe/Berlin)");
    }
  }

  /**
   * People write {@code yyyy}; in strict resolution that needs an era, so year-of-era letters
   * outside quotes become proleptic-year letters. Strict, so 31/02 is an error, not 29/02.
   */
  private static DateTimeFormatter formatter(String format) {
    DateTimeFormatter cached = FORMATS.get(format);
    if (cached != null) return cached;
    DateTimeFormatter built;
    try {
      built = DateTimeFormatter.ofPattern(yearOfEraToYear(format)).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw MappingException.invalid("'" + format + "' is not a date format: " + e.getMessage());
    }
    if (FORMATS.size() < MAX_CACHED_FORMATS) FORMATS.put(format, built);
    return built;
  }

  private static String yearOfEraToYear(String format) {
    StringBuilder out = new StringBuilder(format.length());
    boolean quoted = false;
    for (char c : format.toCharArray()) {
      if (c == '\'') quoted = !quoted;
      out.append(!quoted && c == 'y' ? 'u' : c);
    }
    return out.toString();
  }
}
