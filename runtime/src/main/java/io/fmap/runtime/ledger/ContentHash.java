package io.fmap.runtime.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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

  private static final ObjectMapper JSON = new ObjectMapper();
  /** One digest per thread: a provider lookup for every row hashed is avoidable work. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  });

  private ContentHash() {}

  /** {@code sha256:} and the hex digest of {@link #canonicalJson}. */
  public static String of(Map<String, ?> content) {
    byte[] digest = SHA256.get().digest(canonicalJson(content).getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(digest);
  }

  /**
   * Compact JSON with keys sorted at every level; numbers without trailing zeros; dates, instants
   * and any other value as their text. Null values are kept: a column cleared is not a column absent.
   */
  public static String canonicalJson(Map<String, ?> content) {
    try {
      return JSON.writeValueAsString(normalize(content));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  private static Object normalize(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Integer) {
      return value;
    }
    if (value instanceof BigDecimal number) {
      return new BigDecimal(number.stripTrailingZeros().toPlainString());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), normalize(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(normalize(item)));
      return items;
    }
    return value.toString();
  }
}
