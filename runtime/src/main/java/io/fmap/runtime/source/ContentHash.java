package io.fmap.runtime.source;

import io.fmap.runtime.api.SourceRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a record's content in a canonical form, for delta pickup where {@code updated_at}
 * cannot be trusted. Field order, number spelling ({@code 1.50} vs {@code 1.5}) and absent vs null
 * fields do not change the hash; any value that differs does.
 */
public final class ContentHash {
  private ContentHash() {}

  public static String of(SourceRecord record) {
    StringBuilder canonical = new StringBuilder(256);
    append(canonical, record.object());
    canonical.append('\u0001');
    appendValue(canonical, record.fields());
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void appendValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append('n');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> {
        if (v != null) sorted.put(String.valueOf(k), v);
      });
      sorted.forEach((k, v) -> {
        append(out, k);
        out.append(':');
        appendValue(out, v);
        out.append(',');
      });
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (Object item : list) {
        appendValue(out, item);
        out.append(',');
      }
      out.append(']');
    } else if (value instanceof Number n) {
      BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
      out.append('#').append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } else if (value instanceof Boolean b) {
      out.append(b ? 't' : 'f');
    } else {
      append(out, value.toString());
    }
  }

  /** Length-prefixed, so that no text can imitate the separators. */
  private static void append(StringBuilder out, String text) {
    out.append('"').append(text.length()).append(':').append(text);
  }
}
