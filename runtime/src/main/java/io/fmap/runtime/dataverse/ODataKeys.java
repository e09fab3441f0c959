package io.fmap.runtime.dataverse;

import io.fmap.runtime.target.RowAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Writes row addresses into OData URLs: {@code accounts(<guid>)}, {@code accounts(fmap_sourceid='A''1')}.
 * Source ids are hostile input: quotes are doubled (OData string literal rules) and every character
 * outside the unreserved set is percent-encoded, so no id can end the literal, the key or the path.
 */
public final class ODataKeys {
  private ODataKeys() {}

  /** {@code <entitySet>(<address>)}, relative to the API root. */
  public static String path(String entitySet, RowAddress address) {
    return entitySet + "(" + key(address) + ")";
  }

  public static String key(RowAddress address) {
    if (address instanceof RowAddress.ById byId) return byId.id().toString();
    if (address instanceof RowAddress.New created) return created.id().toString();
    return keyValues(((RowAddress.ByKey) address).values());
  }

  private static String keyValues(Map<String, Object> values) {
    StringJoiner j = new StringJoiner(",");
    values.forEach((column, value) -> j.add(column + "=" + literal(value)));
    return j.toString();
  }

  /** An OData literal for a key value: numbers, booleans and GUIDs bare, text quoted and escaped. */
  public static String literal(Object value) {
    if (value instanceof Number || value instanceof Boolean || value instanceof UUID) return value.toString();
    String text = String.valueOf(value).replace("'", "''");
    return "'" + encode(text) + "'";
  }

  /** Percent-encodes all but RFC 3986 unreserved characters and the (already doubled) quote. */
  static String encode(String text) {
    if (allUnreserved(text)) return text; // most ids: nothing to encode, so no copy (every row's URL has one)
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  private static boolean allUnreserved(String text) {
    for (int i = 0; i < text.length(); i++) if (!unreserved(text.charAt(i))) return false;
    return true;
  }

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '\'';
  }

}
