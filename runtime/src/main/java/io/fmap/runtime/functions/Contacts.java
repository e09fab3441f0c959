package io.fmap.runtime.functions;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleaning the email addresses and phone numbers CRM users typed by hand. */
final class Contacts {

  private Contacts() {}

  /** {@code Jane Doe <jane@example.com>}: the address is what is inside the angle brackets. */
  private static final Pattern DISPLAY_FORM = Pattern.compile("^[^<]*<([^>]*)>\\s*$");


  /** An extension at the end: {@code x12}, {@code ext. 12}, {@code ext 12}, {@code #12}. */
  private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(?:ext\\.?|x|#)\\s*(\\d{1,6})\\s*$");

  /** What {@link #plainEmail} answers for a value it leaves to {@link #emailInAnyForm}. */
  private static final String IN_ANOTHER_FORM = new String("in another form");

  /** The address, or null when the text holds none (blank text holds none). */
  static String email(String text) {
    String plain = plainEmail(text);
    return plain != IN_ANOTHER_FORM ? plain : emailInAnyForm(text);
  }

  /**
   * The usual value, a Latin-1 address (ASCII, or with the accented letters of Western names) with
   * or without spaces around it and capitals, in one pass: the address, or null when it is none,
   * exactly as {@link #emailInAnyForm} answers; anything else (other scripts, a display form,
   * {@code mailto:}) is {@link #IN_ANOTHER_FORM}. Why: stripping, searching for {@code <}, lowering
   * and checking in turn were a quarter of the CPU time of the bench's generated contact transform
   * (JFR), and a third of its addresses ({@code björn.7@...}) took that path until Latin-1 was read
   * here too. In Latin-1 no character above ASCII is white space to {@code strip}, and lower case
   * moves only {@code À}-{@code Þ} (not {@code ×}) by 0x20, as {@code toLowerCase(Locale.ROOT)} does.
   */
  private static String plainEmail(String text) {
    int begin = 0;
    int end = text.length();
    while (begin < end && isAsciiWhitespace(text.charAt(begin))) begin++;
    while (end > begin && isAsciiWhitespace(text.charAt(end - 1))) end--;
    if (begin == end) return null;
    if (text.regionMatches(true, begin, "mailto:", 0, 7)) return IN_ANOTHER_FORM;
    boolean upper = false;
    int at = -1;
    int lastDot = -1;
    boolean plain = true;
    for (int i = begin; i < end; i++) {
      char c = text.charAt(i);
      if (c > 0xFF || c == '<') return IN_ANOTHER_FORM; // strip and lower have Unicode rules
      if (isLatin1Upper(c)) upper = true;
      else if (c == '.') lastDot = i;
      else if (c == '@') {
        if (at >= 0) plain = false;
        at = i;
      } else if (isRegexSpace(c)) plain = false;
    }
    if (!plain || at <= begin || lastDot <= at + 1 || lastDot >= end - 1) return null;
    if (!upper) return begin == 0 && end == text.length() ? text : text.substring(begin, end);
    byte[] lower = new byte[end - begin];
    for (int i = begin; i < end; i++) {
      char c = text.charAt(i);
      lower[i - begin] = (byte) (isLatin1Upper(c) ? c + ('a' - 'A') : c);
    }
    return new String(lower, StandardCharsets.ISO_8859_1);
  }

  /** The Latin-1 capitals {@code Character.toLowerCase} moves: {@code A}-{@code Z} and {@code À}-{@code Þ} but {@code ×}. */
  private static boolean isLatin1Upper(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7');
  }

  /** What {@code strip} removes, for the ASCII characters: {@code Character.isWhitespace}; other characters are not ASCII white space. */
  private static boolean isAsciiWhitespace(char c) {
    return c < 0x80 && Character.isWhitespace(c);
  }

  /** Any form: display names, {@code mailto:}, Unicode white space and case rules. */
  static String emailInAnyForm(String text) {
    String address = text.strip();
    if (address.indexOf('<') >= 0) {
      Matcher display = DISPLAY_FORM.matcher(address);
      if (display.matches()) address = display.group(1).strip();
    }
    if (address.regionMatches(true, 0, "mailto:", 0, 7)) address = address.substring(7).strip();
    address = address.toLowerCase(Locale.ROOT);
    return isPlainAddress(address) ? address : null;
  }

  /**
   * One {@code @}, no white space, a dot in the domain, neither part empty, nothing empty after the
   * domain's last dot. Deliberately not RFC 5322. A character loop, not a regex: the matcher it
   * replaced was the costliest part of {@code email_normalize} (JFR, bench/).
   */
  static boolean isPlainAddress(String address) {
    int at = -1;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (isRegexSpace(c)) return false;
      if (c == '@') {
        if (at >= 0) return false;
        at = i;
      }
    }
    int lastDot = address.lastIndexOf('.');
    return at > 0 && lastDot > at + 1 && lastDot < address.length() - 1;
  }

  /** The characters {@code \s} stands for in a Java regex without flags. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Only a letter or {@code #} can start an extension; most numbers have neither, and skip the regex. */
  private static boolean mayHaveExtension(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == '#' || Character.isLetter(c)) return true;
    }
    return false;
  }

  private static void appendDigits(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') out.append(c);
    }
  }

  /**
   * @param countryCode calling code used for national numbers (those without {@code +} or
   *                    {@code 00}): {@code "44"} or {@code "+44"}; null keeps national numbers as digits
   */
  static String phone(String text, String countryCode) {
    String plain = plainPhone(text, countryCode == null);
    return plain != IN_ANOTHER_FORM ? plain : phoneInAnyForm(text, countryCode);
  }

  /**
   * The usual value, ASCII digits and punctuation without an extension, in one pass: the number
   * exactly as {@link #phoneInAnyForm} answers it, or {@link #IN_ANOTHER_FORM} for a letter, a
   * {@code #}, a non-ASCII character, or a national number when a country code is to be added. Why:
   * blank check, strip, the search for an extension and the digits (into a growing buffer, then
   * copied) walked the text four times; they were a twentieth of the bench's generated contact
   * transform (JFR).
   *
   * @param keepNational whether a national number stays as its digits (no country code given)
   */
  private static String plainPhone(String text, boolean keepNational) {
    int length = text.length();
    byte[] out = new byte[length + 1]; // '+' and the digits
    out[0] = '+';
    int size = 1;
    boolean international = false;
    boolean visible = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || c == '#' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return IN_ANOTHER_FORM;
      if (!visible && !Character.isWhitespace(c)) {
        visible = true;
        international = c == '+'; // the first character strip() would keep
      }
      if (c >= '0' && c <= '9') out[size++] = (byte) c;
    }
    int from = 0;
    if (!international && size >= 3 && out[1] == '0' && out[2] == '0') {
      international = true; // 00 is the international prefix: the plus takes its place
      from = 2;
      out[2] = '+';
    }
    if (size - from == 1) return null;
    if (international) return new String(out, from, size - from, StandardCharsets.ISO_8859_1);
    return keepNational ? new String(out, 1, size - 1, StandardCharsets.ISO_8859_1) : IN_ANOTHER_FORM;
  }

  /** Any form: extensions, Unicode white space, national numbers given a country code. */
  static String phoneInAnyForm(String text, String countryCode) {
    String number = text.strip();
    String extension = "";
    if (mayHaveExtension(number)) {
      Matcher ext = EXTENSION.matcher(number);
      if (ext.find() && ext.start() > 0) {
        extension = " x" + ext.group(1);
        number = number.substring(0, ext.start());
      }
    }
    boolean international = number.startsWith("+");
    // The plus first, then the digits: the usual international number is built in this one buffer
    // (a digits string and a concatenation more per value were a tenth of the bytes of the bench's
    // generated contact transform, JFR).
    StringBuilder out = new StringBuilder(number.length() + 1 + extension.length()).append('+');
    appendDigits(number, out);
    if (!international && out.length() >= 3 && out.charAt(1) == '0' && out.charAt(2) == '0') {
      international = true;
      out.delete(1, 3);
    }
    if (out.length() == 1) return null;
    if (international) return out.append(extension).toString();
    String digits = out.substring(1);
    String country = countryCode == null ? "" : countryCode.strip().replaceFirst("^\\+", "");
    if (country.isEmpty() || !country.chars().allMatch(Character::isDigit)) return digits + extension;
    // The national trunk prefix 0 is dropped when the country code is added (020 7946 → +44 20 7946).
    String national = digits.startsWith("0") ? digits.substring(1) : digits;
    return "+" + country + national + extension;
  }
}
