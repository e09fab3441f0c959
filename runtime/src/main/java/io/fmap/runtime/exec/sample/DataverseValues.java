package io.fmap.runtime.exec.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One text form for a value however it was written or read back, so that the diff compares what a
 * value means rather than how Dataverse spells it: GUIDs in lower case, numbers without trailing
 * zeros ({@code 12.50} is {@code 12.5}, {@code 3} is {@code 3}), instants in UTC ISO-8601, an empty
 * string as absent (Dataverse stores it as null), several option values as a sorted list.
 */
final class DataverseValues {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private DataverseValues() {}

  /** The value as the mapping or the source has it (a Java value of a {@code TargetRow} or {@code SourceRecord}). */
  static String of(Object value) {
    if (value == null) return null;
    if (value instanceof BigDecimal d) return number(d);
    if (value instanceof Number n) return number(new BigDecimal(n.toString()));
    if (value instanceof Boolean || value instanceof LocalDate) return value.toString();
    if (value instanceof Instant i) return i.toString();
    if (value instanceof Collection<?> list) {
      return list.stream().map(DataverseValues::of).sorted().collect(Collectors.joining(","));
    }
    return text(value.toString());
  }

  /**
   * A value read back, shaped by what was expected: a date column may come back with a time, an
   * instant in another offset, several options as one comma-separated string.
   */
  static String readBack(Object value, Object expected) {
    if (value == null) return null;
    String raw = value instanceof Collection<?> || value instanceof Number || value instanceof Boolean
        ? of(value) : value.toString();
    if (expected instanceof LocalDate && raw.length() >= 10) return raw.substring(0, 10);
    if (expected instanceof Instant) {
      try {
        return Instant.parse(raw).toString();
      } catch (DateTimeParseException notAnInstant) {
        return raw;
      }
    }
    if (expected instanceof Number && NUMBER.matcher(raw).matches()) return number(new BigDecimal(raw));
    if (expected instanceof Collection<?> && !(value instanceof Collection<?>)) {
      return java.util.Arrays.stream(raw.split(",")).map(String::trim).sorted().collect(Collectors.joining(","));
    }
    return text(raw);
  }

  private static String text(String s) {
    if (s.isEmpty()) return null;
    if (GUID.matcher(s).matches()) return s.toLowerCase(Locale.ROOT);
    return s;
  }

  private static String number(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
