package io.fmap.runtime.functions;

import io.fmap.runtime.api.CalendarDays;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The standard functions a mapping may call. This class is the single definition: the checker
 * reads the language's function table from its public static methods (the fmap name is the method
 * name in snake_case: {@code parseDate} is {@code parse_date}), and generated code calls them
 * directly.
 *
 * <p>Conventions, so that mappings read the same everywhere:
 * <ul>
 *   <li>Every function is null-safe: a null text in gives null out (unless the function says
 *       otherwise), so {@code x | trim ?? "n/a"} works on missing values.</li>
 *   <li>A value that cannot be read (a malformed date, a number in the wrong format) throws
 *       {@link MappingException}; the record is quarantined with the {@code .fmap} line of the call.</li>
 *   <li>A leading {@link MappingContext} parameter is not written in the mapping: generated code
 *       passes the run's context (its clock) there. {@code days_since(created_at)} calls
 *       {@code daysSince(context, createdAt)}.</li>
 * </ul>
 */
public final class Std {

  private Std() {}

  // ---- text ----------------------------------------------------------------------------------

  /** Removes leading and trailing white space (Unicode-aware). */
  public static String trim(String text) {
    return text == null ? null : text.strip();
  }

  /** Lower case, locale-independent (a Turkish machine still lowers {@code I} to {@code i}). */
  public static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /** Upper case, locale-independent. */
  public static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  /** Joins the parts, skipping nulls; null only when every part is null. */
  public static String concat(String... parts) {
    StringBuilder out = null;
    for (String part : parts) {
      if (part == null) continue;
      if (out == null) out = new StringBuilder();
      out.append(part);
    }
    return out == null ? null : out.toString();
  }

  /**
   * At most {@code maxLength} characters, never splitting a surrogate pair (so an emoji is kept
   * whole or dropped). Use it where the checker warns that a target column is shorter.
   */
  public static String truncate(String text, Long maxLength) {
    if (text == null || maxLength == null) return text;
    if (maxLength < 0) throw MappingException.invalid("truncate needs a length of 0 or more, not " + maxLength);
    return Texts.truncate(text, (int) Math.min(maxLength, Integer.MAX_VALUE));
  }

  /**
   * The first value that is neither null nor blank. Unlike {@code ??}, which only replaces null,
   * this also skips the empty strings CRM exports are full of.
   */
  public static String coalesce(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) return value;
    }
    return null;
  }

  /** Replaces every occurrence of {@code target} (literal text, not a pattern). */
  public static String replace(String text, String target, String replacement) {
    if (text == null || target == null || target.isEmpty()) return text;
    return text.replace(target, replacement == null ? "" : replacement);
  }

  /**
   * Splits at each {@code separator} (literal text), trims the parts and drops the empty ones:
   * {@code "a; b;;c"} split at {@code ";"} is {@code [a, b, c]}. Null gives an empty list.
   */
  public static List<String> split(String text, String separator) {
    List<String> parts = new ArrayList<>();
    if (text == null) return parts;
    if (separator == null || separator.isEmpty()) {
      if (!text.isBlank()) parts.add(text.strip());
      return parts;
    }
    int from = 0;
    while (from <= text.length()) {
      int at = text.indexOf(separator, from);
      String part = (at < 0 ? text.substring(from) : text.substring(from, at)).strip();
      if (!part.isEmpty()) parts.add(part);
      if (at < 0) break;
      from = at + separator.length();
    }
    return parts;
  }

  /** Joins the non-blank items with {@code separator}; null when nothing is left. */
  public static String join(List<String> items, String separator) {
    if (items == null) return null;
    List<String> kept = items.stream().filter(s -> s != null && !s.isBlank()).toList();
    return kept.isEmpty() ? null : String.join(separator == null ? "" : separator, kept);
  }

  // ---- dates and times -----------------------------------------------------------------------

  /** An ISO date {@code 2024-03-05}; the date part of an ISO date-time is accepted as written. */
  public static LocalDate parseDate(String text) {
    return isBlank(text) ? null : Dates.date(text);
  }

  /**
   * A date in a {@link java.time.format.DateTimeFormatter} pattern ({@code dd/MM/yyyy}), read
   * strictly: {@code 31/02/2024} is an error, not the 29th.
   */
  public static LocalDate parseDate(String text, String format) {
    return isBlank(text) ? null : Dates.date(text, format);
  }

  /** An ISO-8601 date-time; without an offset it is taken as UTC, a bare date as midnight UTC. */
  public static Instant parseDatetime(String text) {
    return isBlank(text) ? null : Dates.dateTime(text);
  }

  /** A date-time in a pattern; UTC unless the pattern reads an offset ({@code XXX}) or zone ({@code VV}). */
  public static Instant parseDatetime(String text, String format) {
    return isBlank(text) ? null : Dates.dateTime(text, format);
  }

  /**
   * A wall-clock ISO date-time ({@code 2024-03-10T09:30} or with a space) in {@code zone}
   * ({@code America/New_York}) as an instant. In the spring-forward gap the time moves forward by
   * the gap; in the autumn overlap the earlier instant is taken.
   */
  public static Instant toUtc(String localDateTime, String zone) {
    return isBlank(localDateTime) ? null : Dates.toUtc(localDateTime, null, zone);
  }

  /** Like {@link #toUtc(String, String)}, with the wall-clock time in a pattern. */
  public static Instant toUtc(String localDateTime, String format, String zone) {
    return isBlank(localDateTime) ? null : Dates.toUtc(localDateTime, format, zone);
  }

  /** Today in the run's clock (fixed in sample runs and tests, so output is reproducible). */
  public static LocalDate today(MappingContext context) {
    return context.today();
  }

  /** Whole days from the instant's UTC date to today; negative for the future; null for null. */
  public static Long daysSince(MappingContext context, Instant when) {
    return when == null ? null : context.todayEpochDay() - CalendarDays.epochDayAt(when, ZoneOffset.UTC);
  }

  /** Whole days from {@code date} to today; negative for the future; null for null. */
  public static Long daysSince(MappingContext context, LocalDate date) {
    return date == null ? null : context.todayEpochDay() - date.toEpochDay();
  }

  // ---- numbers -------------------------------------------------------------------------------

  /** A plain number with a {@code .} decimal point ({@code -1234.50}, {@code 1e3}); blank gives null. */
  public static BigDecimal parseDecimal(String text) {
    return isBlank(text) ? null : Numbers.decimal(text);
  }

  /**
   * A number as people in {@code locale} (a BCP 47 tag: {@code de-DE}, {@code fr-FR}, {@code en-US})
   * write it: {@code 1.234,56} in German, {@code 1 234,56} in French (any space groups).
   */
  public static BigDecimal parseDecimal(String text, String locale) {
    return isBlank(text) ? null : Numbers.decimal(text, locale);
  }

  /** A whole number; {@code 12.0} is accepted, {@code 12.5} is an error. */
  public static Long parseInt(String text) {
    return isBlank(text) ? null : Numbers.integer(Numbers.decimal(text), text);
  }

  /** A whole number in a locale's spelling ({@code 1.234} in German is one thousand two hundred thirty-four). */
  public static Long parseInt(String text, String locale) {
    return isBlank(text) ? null : Numbers.integer(Numbers.decimal(text, locale), text);
  }

  // ---- HTML ----------------------------------------------------------------------------------

  /** Escapes {@code & < > " '} so the text shows as written inside HTML. */
  public static String htmlEscape(String text) {
    return text == null ? null : Html.escape(text);
  }

  /**
   * Plain text as HTML for rich-text columns (note bodies): escaped, blank-line-separated
   * paragraphs in {@code <p>}, single line breaks as {@code <br>}.
   */
  public static String textToHtml(String text) {
    return text == null ? null : Html.fromText(text);
  }

  /**
   * The visible text of HTML: tags and comments removed, the contents of {@code script},
   * {@code style}, {@code head}, {@code title} and {@code template} removed whole, entities
   * decoded, block elements as line breaks, paragraphs separated by a blank line.
   */
  public static String stripHtml(String html) {
    return html == null ? null : Html.strip(html);
  }

  /**
   * Rich text kept as rich text, with nothing executable left: an allow-list of formatting
   * elements ({@code p}, {@code b}, lists, tables, headings, links, images, ...) survives;
   * {@code script}, {@code style}, frames, forms and SVG go with their content; event handlers,
   * {@code style} and unknown attributes go; links keep only {@code http(s)}, {@code mailto} and
   * {@code tel} targets ({@code javascript:} in any spelling is removed); inline images only as
   * raster {@code data:image/...;base64} or {@code http(s)} sources. Unclosed elements are closed.
   */
  public static String sanitizeHtml(String html) {
    return html == null ? null : HtmlSanitizer.sanitize(html).html();
  }

  /**
   * {@link #sanitizeHtml(String)}, with the first inline image replaced by a line naming it as
   * attached ({@code [screenshot.png: attached to this note]}), for the note whose file it becomes
   * ({@code documentbody = body | inline_image_data}). Later inline images stay inline.
   */
  public static String detachInlineImage(String html) {
    return html == null ? null : HtmlSanitizer.detachFirstImage(html);
  }

  /** The Base64 content of the first inline image {@link #sanitizeHtml(String)} keeps; null when there is none. */
  public static String inlineImageData(String html) {
    return firstImage(html).map(HtmlSanitizer.InlineImage::base64).orElse(null);
  }

  /** The MIME type ({@code image/png}) of the first inline image; null when there is none. */
  public static String inlineImageType(String html) {
    return firstImage(html).map(HtmlSanitizer.InlineImage::mimeType).orElse(null);
  }

  /** A file name for the first inline image: its alt text, sanitised, or {@code image}, with its type's extension. */
  public static String inlineImageName(String html) {
    return firstImage(html).map(HtmlSanitizer.InlineImage::fileName).orElse(null);
  }

  private static java.util.Optional<HtmlSanitizer.InlineImage> firstImage(String html) {
    return html == null ? java.util.Optional.empty()
        : HtmlSanitizer.sanitize(html).images().stream().findFirst();
  }

  // ---- names ---------------------------------------------------------------------------------

  /**
   * A file name every Windows, SharePoint and Dataverse client accepts: {@code <>:"/\|?*} and
   * control characters become {@code _}, trailing dots and spaces go, reserved device names
   * ({@code CON}, {@code nul.txt}, {@code COM1}) get a leading {@code _}, at most 255 characters
   * with the extension kept; an empty result is {@code unnamed}.
   */
  public static String sanitizeFilename(String name) {
    return name == null ? null : Names.filename(name);
  }

  /**
   * A business process flow schema name from a display name: accents folded, lower-case ASCII
   * letters, digits and single underscores, starting with a letter, at most 50 characters (room for
   * a customization prefix); null when nothing usable is left.
   */
  public static String sanitizeProcessName(String name) {
    return name == null ? null : Names.processName(name);
  }

  // ---- contact data --------------------------------------------------------------------------

  /**
   * A lower-case address out of what people type ({@code " Jane <JANE@Example.com>"},
   * {@code mailto:...}); null when what is left does not look like an address, so
   * {@code email | email_normalize ?? ignore} leaves bad addresses out.
   */
  public static String emailNormalize(String text) {
    return text == null ? null : Contacts.email(text); // blank text holds no address: null
  }

  /**
   * A phone number with only digits and a leading {@code +} for international numbers
   * ({@code 00} counts as {@code +}); an extension ({@code x12}, {@code ext. 12}) is kept as
   * {@code " x12"}; null when there are no digits.
   */
  public static String phoneNormalize(String text) {
    return isBlank(text) ? null : Contacts.phone(text, null);
  }

  /**
   * Like {@link #phoneNormalize(String)}, with national numbers put in international form for
   * {@code countryCode} ({@code "44"} or {@code "+44"}), dropping the trunk {@code 0}:
   * {@code 020 7946 0018} becomes {@code +442079460018}.
   */
  public static String phoneNormalize(String text, String countryCode) {
    return isBlank(text) ? null : Contacts.phone(text, countryCode);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
