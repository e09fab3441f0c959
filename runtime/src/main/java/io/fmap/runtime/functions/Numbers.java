package io.fmap.runtime.functions;

import io.fmap.runtime.api.MappingException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reading numbers people typed, in their locale's spelling ({@code 1.234,56} in German). */
final class Numbers {

  private Numbers() {}

  /** Prototypes per locale tag; DecimalFormat is not thread-safe, so each parse uses a clone. */
  private static final Map<String, DecimalFormat> FORMATS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_LOCALES = 64;

  static BigDecimal decimal(String text) {
    String value = text.strip();
    try {
      return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
    } catch (NumberFormatException e) {
      throw MappingException.invalid("'" + text + "' is not a number (expected digits with a '.' decimal point)");
    }
  }

  static BigDecimal decimal(String text, String localeTag) {
    DecimalFormat format = (DecimalFormat) prototype(localeTag).clone();
    DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
    String value = normalize(text.strip(), symbols);
    ParsePosition position = new ParsePosition(0);
    Number parsed = format.parse(value, position);
    if (parsed == null || position.getIndex() != value.length()) {
      throw MappingException.invalid("'" + text + "' is not a number in locale " + localeTag
          + " (decimal separator '" + symbols.getDecimalSeparator() + "', grouping '"
          + symbols.getGroupingSeparator() + "')");
    }
    return (BigDecimal) parsed;
  }

  static Long integer(BigDecimal value, String text) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw MappingException.invalid("'" + text + "' is not a whole number");
    }
  }

  /**
   * Spaces people type where the locale groups with a no-break space (French, Swiss, Nordic), a
   * leading plus, and ASCII or Unicode minus signs all read as the locale means them.
   */
  private static String normalize(String value, DecimalFormatSymbols symbols) {
    String unsigned = value.startsWith("+") ? value.substring(1) : value;
    char grouping = symbols.getGroupingSeparator();
    boolean spaceGrouping = Character.isSpaceChar(grouping);
    StringBuilder out = new StringBuilder(unsigned.length());
    for (char c : unsigned.toCharArray()) {
      if (spaceGrouping && Character.isSpaceChar(c)) {
        out.append(grouping);
      } else if (c == '-' || c == '\u2212') {
        out.append(symbols.getMinusSign());
      } else if (grouping == '\u2019' && c == '\'') {
        out.append(grouping); // Swiss 1'234.50 typed with an ASCII apostrophe
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static DecimalFormat prototype(String localeTag) {
    DecimalFormat cached = FORMATS.get(localeTag);
    if (cached != null) return cached;
    Locale locale;
    try {
      locale = new Locale.Builder().setLanguageTag(localeTag.strip()).build();
    } catch (IllformedLocaleException e) {
      throw MappingException.invalid("'" + localeTag + "' is not a locale (use a tag such as de-DE)");
    }
    if (!(NumberFormat.getNumberInstance(locale) instanceof DecimalFormat built)) {
      throw MappingException.invalid("locale " + localeTag + " has no decimal number format");
    }
    built.setParseBigDecimal(true);
    if (FORMATS.size() < MAX_CACHED_LOCALES) FORMATS.put(localeTag, built);
    return built;
  }
}
