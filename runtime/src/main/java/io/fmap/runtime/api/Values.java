package io.fmap.runtime.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The operations generated code performs on source values: reading a JSON field as the type the
 * checker gave it, and the language's operators with its null rules. Generated code stays a list of
 * plain calls; the rules live here once, tested once.
 *
 * <p>Null rules: a missing value is null; arithmetic and comparisons with null are null or false;
 * {@code +} on text skips null parts; conditions treat null as false.
 */
public final class Values {

  private Values() {}

  // ---- reading source fields -----------------------------------------------------------------

  /** A nested value: {@code related.id} reads key {@code id} of the map in field {@code related}. */
  public static Object path(Object value, String... keys) {
    Object current = value;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) return null;
      current = map.get(key);
    }
    return current;
  }

  /** Text of any scalar (a number id becomes its digits); null stays null. */
  public static String text(Object value) {
    if (value == null || value instanceof String) return (String) value;
    if (value instanceof BigDecimal d) return d.toPlainString();
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      throw MappingException.invalid("expected a single value, found " + kind(value));
    }
    return value.toString();
  }

  public static Long integer(Object value) {
    if (value == null || value instanceof Long) return (Long) value;
    if (value instanceof Integer i) return i.longValue();
    try {
      if (value instanceof BigDecimal d) return d.longValueExact();
      if (value instanceof String s) return s.isBlank() ? null : new BigDecimal(s.strip()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw MappingException.invalid("'" + value + "' is not a whole number");
    }
    throw MappingException.invalid("expected a whole number, found " + kind(value));
  }

  public static BigDecimal decimal(Object value) {
    if (value == null || value instanceof BigDecimal) return (BigDecimal) value;
    if (value instanceof Long l) return BigDecimal.valueOf(l);
    if (value instanceof Integer i) return BigDecimal.valueOf(i);
    if (value instanceof Double d) return BigDecimal.valueOf(d);
    if (value instanceof String s) {
      try {
        return s.isBlank() ? null : new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw MappingException.invalid("'" + s + "' is not a number");
      }
    }
    throw MappingException.invalid("expected a number, found " + kind(value));
  }

  public static Boolean bool(Object value) {
    if (value == null || value instanceof Boolean) return (Boolean) value;
    if (value instanceof String s) {
      switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "1" -> { return true; }
        case "false", "no", "0" -> { return false; }
        case "" -> { return null; }
        default -> { }
      }
    }
    throw MappingException.invalid("'" + value + "' is not true or false");
  }

  /** An ISO date; the source keeps dates as text until a mapping reads them. */
  public static LocalDate date(Object value) {
    if (value == null || value instanceof LocalDate) return (LocalDate) value;
    String s = text(value).strip();
    if (s.isEmpty()) return null;
    boolean dateOnly = s.length() == 10 || (s.length() > 10 && s.charAt(10) == 'T');
    LocalDate fast = dateOnly ? IsoInstants.parseDate(s) : null;
    if (fast != null) return fast;
    try {
      return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw MappingException.invalid("'" + s + "' is not a date (expected yyyy-MM-dd)");
    }
  }

  /** An ISO-8601 instant; without an offset it is UTC. */
  public static Instant instant(Object value) {
    if (value == null || value instanceof Instant) return (Instant) value;
    String raw = text(value);
    // The fast shape starts with a digit and ends with a digit or Z, so it never has white space to
    // strip: read it first, and strip (a walk over both ends) only what it does not take.
    Instant fast = IsoInstants.parse(raw);
    if (fast != null) return fast;
    String s = raw.strip();
    if (s.isEmpty()) return null;
    fast = s.length() < raw.length() ? IsoInstants.parse(s) : null;
    if (fast != null) return fast;
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw MappingException.invalid("'" + s + "' is not a date and time (expected ISO-8601)");
      }
    }
  }

  /**
   * A date where a date and time is wanted (a due date into a date-time column): the instant the
   * day starts in UTC, the reading Dataverse gives a date-only value; null stays null.
   */
  public static Instant startOfDay(LocalDate date) {
    return date == null ? null : date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  /** A list of texts (Spark multi-picklists, recipient lists); a single value is a list of one. */
  public static List<String> textList(Object value) {
    if (value == null) return List.of();
    if (value instanceof Collection<?> items) {
      List<String> out = new ArrayList<>(items.size());
      for (Object item : items) {
        if (item != null) out.add(text(item));
      }
      return out;
    }
    return List.of(text(value));
  }

  // ---- operators -----------------------------------------------------------------------------

  /** {@code a + b} on text: null parts are skipped, null only when both are null. */
  /**
   * A value map applied to each option of a multi-select: the options in source order, each mapped,
   * without repeats; null or no options is null (the column is left empty, not set to no options).
   */
  public static List<Integer> eachOption(List<String> options, java.util.function.Function<String, Integer> map) {
    if (options == null) return null;
    java.util.LinkedHashSet<Integer> mapped = new java.util.LinkedHashSet<>();
    for (String option : options) {
      Integer value = map.apply(option);
      if (value != null) mapped.add(value);
    }
    return mapped.isEmpty() ? null : List.copyOf(mapped);
  }

  public static String concat(String a, String b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.concat(b);
  }

  public static BigDecimal add(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : a.add(b);
  }

  public static Long add(Long a, Long b) {
    return a == null || b == null ? null : Math.addExact(a, b);
  }

  public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : a.subtract(b);
  }

  public static Long subtract(Long a, Long b) {
    return a == null || b == null ? null : Math.subtractExact(a, b);
  }

  public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : a.multiply(b);
  }

  public static Long multiply(Long a, Long b) {
    return a == null || b == null ? null : Math.multiplyExact(a, b);
  }

  /** Division to 10 decimal places (Dataverse money and decimals keep at most 10). */
  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (a == null || b == null) return null;
    if (b.signum() == 0) throw MappingException.invalid("division by zero");
    return a.divide(b, 10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  /** {@code a % b}, with the sign of {@code a} (as Java and most languages have it). */
  public static BigDecimal remainder(BigDecimal a, BigDecimal b) {
    if (a == null || b == null) return null;
    if (b.signum() == 0) throw MappingException.invalid("remainder of a division by zero");
    return a.remainder(b);
  }

  public static Long remainder(Long a, Long b) {
    if (a == null || b == null) return null;
    if (b == 0) throw MappingException.invalid("remainder of a division by zero");
    return a % b;
  }

  public static BigDecimal negate(BigDecimal a) {
    return a == null ? null : a.negate();
  }

  public static Long negate(Long a) {
    return a == null ? null : Math.negateExact(a);
  }

  /** {@code a ?? b}: {@code b} is only evaluated when {@code a} is null. */
  public static <T> T coalesce(T a, Supplier<? extends T> b) {
    return a != null ? a : b.get();
  }

  /** {@code ==}: numbers compare by value ({@code 1 == 1.0}); null equals only null. */
  public static boolean eq(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) return compareNumbers(x, y) == 0;
    return Objects.equals(a, b);
  }

  /** {@code <}, {@code <=}, ... : the sign of the comparison, or null when either side is null. */
  public static Integer compare(Object a, Object b) {
    if (a == null || b == null) return null;
    if (a instanceof Number x && b instanceof Number y) return compareNumbers(x, y);
    if (a instanceof Comparable<?> && a.getClass() == b.getClass()) {
      @SuppressWarnings("unchecked") Comparable<Object> c = (Comparable<Object>) a;
      return c.compareTo(b);
    }
    throw MappingException.invalid("cannot compare " + kind(a) + " with " + kind(b));
  }

  // Whole numbers compared as whole numbers: the Object forms go through BigDecimal, two
  // allocations per comparison (JFR, bench/: days_since(...) > param). Java picks these overloads
  // when both sides are typed Long, which is how the emitter types fmap ints.

  public static boolean eq(Long a, Long b) {
    return Objects.equals(a, b);
  }

  public static boolean lt(Long a, Long b) {
    return a != null && b != null && a < b;
  }

  public static boolean le(Long a, Long b) {
    return a != null && b != null && a <= b;
  }

  public static boolean gt(Long a, Long b) {
    return a != null && b != null && a > b;
  }

  public static boolean ge(Long a, Long b) {
    return a != null && b != null && a >= b;
  }

  public static boolean lt(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c < 0;
  }

  public static boolean le(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c <= 0;
  }

  public static boolean gt(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c > 0;
  }

  public static boolean ge(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c >= 0;
  }

  /** {@code value in [...]}: by {@link #eq}. */
  public static boolean in(Object value, List<?> options) {
    for (Object option : options) {
      if (eq(value, option)) return true;
    }
    return false;
  }

  /** A condition's value: null counts as false. */
  public static boolean isTrue(Boolean condition) {
    return condition != null && condition;
  }

  // ---- lookups and owners --------------------------------------------------------------------

  /**
   * {@code ref(OBJECT, id)}: null when the id is null; a record that should exist but does not is
   * the record's failure, not a silently empty lookup.
   */
  public static TargetRef ref(MappingContext context, String object, Object id, List<LookupCandidate> candidates) {
    String sourceId = text(id);
    if (sourceId == null || sourceId.isBlank()) return null;
    SourceRef source = new SourceRef(object, sourceId);
    return context.lookup(source, candidates).orElseThrow(() -> new MappingException(
        MappingError.Code.UNRESOLVED_LOOKUP, "no migrated record for " + source));
  }

  /** {@code ref(OBJECT, id).field}: the field of the referenced source record, null when there is none. */
  public static Object refField(MappingContext context, String object, Object id, String field) {
    String sourceId = text(id);
    if (sourceId == null || sourceId.isBlank()) return null;
    return context.sourceField(new SourceRef(object, sourceId), field);
  }

  /** {@code owner(email)}: no record lands without an owner, so an unresolved one fails the record. */
  public static TargetRef owner(MappingContext context, String email) {
    return context.owner(email).orElseThrow(() -> new MappingException(MappingError.Code.UNRESOLVED_OWNER,
        "no user or fallback owner for " + (email == null ? "a record without an owner email" : "'" + email + "'")));
  }

  /**
   * A {@code match} without {@code else} met a value none of its cases names: the checker proved the
   * cases cover the schema's values, so the source sent one the schema does not list.
   */
  public static <T> T noMatch(Object value) {
    throw new MappingException(MappingError.Code.UNMAPPED_VALUE,
        "no case of the match handles '" + value + "' (the source schema does not list it; pull the schema again)");
  }

  /** The option number of a label of a target choice column. */
  public static Integer option(String label, Map<String, Integer> options, String column) {
    if (label == null) return null;
    Integer value = options.get(label);
    if (value == null) {
      throw new MappingException(MappingError.Code.UNMAPPED_VALUE, "'" + label + "' is not an option of " + column);
    }
    return value;
  }

  /** A required value (a key) that came out null. */
  public static <T> T required(T value, String column) {
    if (value == null) throw new MappingException(MappingError.Code.MISSING_VALUE, column + " has no value");
    return value;
  }

  private static int compareNumbers(Number x, Number y) {
    return toDecimal(x).compareTo(toDecimal(y));
  }

  private static BigDecimal toDecimal(Number n) {
    if (n instanceof BigDecimal d) return d;
    if (n instanceof Long || n instanceof Integer) return BigDecimal.valueOf(n.longValue());
    return BigDecimal.valueOf(n.doubleValue());
  }

  private static String kind(Object value) {
    if (value instanceof Map<?, ?>) return "an object";
    if (value instanceof Collection<?>) return "a list";
    return value.getClass().getSimpleName();
  }
}
