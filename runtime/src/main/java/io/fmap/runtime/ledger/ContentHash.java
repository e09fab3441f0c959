package io.fmap.runtime.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash the ledger keeps of a mapped row, and the canonical JSON it is computed from (also the
 * form of before-images). Equal content gives equal text whatever the map's order or the number's
 * scale ({@code 1.50} and {@code 1.5} are one amount), so a delta can tell an unchanged record from
 * its hash alone.
 */
public final class ContentHash {

  /** One digest per thread: looking SHA-256 up in the providers costs more than hashing a row. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  });
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ContentHash() {}

  /** {@code sha256:} and the hex digest of {@link #canonicalJson}. */
  public static String of(Map<String, ?> content) {
    byte[] digest = SHA256.get().digest(canonicalJson(content).getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(digest);
  }

  /**
   * Compact JSON with keys sorted at every level; numbers without trailing zeros; dates, instants
   * and any other value as their text. Null values are kept: a column cleared is not a column absent.
   *
   * <p>Written directly, character for character as Jackson wrote it before (hashes in existing
   * ledgers must stay equal): strings escape quote, backslash and control characters only (the
   * short forms of backspace, tab, newline, form feed and return, else a six-character escape with
   * upper-case hex digits); a decimal is
   * {@code BigDecimal.toString} of its plain form without trailing zeros. It runs for every row a
   * load prepares, and a tree of maps serialized through Jackson cost more than the rest of the
   * row's preparation.
   */
  public static String canonicalJson(Map<String, ?> content) {
    StringBuilder out = new StringBuilder(256);
    write(content, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof BigDecimal number) {
      out.append(new BigDecimal(number.stripTrailingZeros().toPlainString()));
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) out.append(',');
        first = false;
        string(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) out.append(',');
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      string(value.toString(), out);
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
