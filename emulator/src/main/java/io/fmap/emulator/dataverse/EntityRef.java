package io.fmap.emulator.dataverse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A path segment naming a collection or one row: {@code accounts}, {@code accounts(<guid>)},
 * {@code accounts(accountnumber='A-1')}, {@code contacts(firstname='Joe',emailaddress1='j@x')}.
 *
 * @param name the entity set (or function) name
 * @param id   the GUID in parentheses, or null
 * @param key  alternate-key values by column (literal text, quotes removed), empty when none
 */
record EntityRef(String name, UUID id, Map<String, String> key, boolean hasParens) {

  boolean isCollection() { return !hasParens; }

  static EntityRef parse(String rawSegment) {
    String segment = URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    int open = segment.indexOf('(');
    if (open < 0) return new EntityRef(segment, null, Map.of(), false);
    if (!segment.endsWith(")")) throw DataverseError.segment(segment);
    String name = segment.substring(0, open);
    String inner = segment.substring(open + 1, segment.length() - 1).trim();
    if (inner.isEmpty()) return new EntityRef(name, null, Map.of(), true);
    if (!inner.contains("=")) return new EntityRef(name, guid(inner, segment), Map.of(), true);
    return new EntityRef(name, null, keyValues(inner, segment), true);
  }

  /** Parses a bind target: {@code /accounts(<guid>)}, {@code accounts(...)} or an absolute URL. */
  static EntityRef parseUri(String uri) {
    String u = uri;
    int api = u.indexOf("/api/data/");
    if (api >= 0) {
      u = u.substring(api + "/api/data/".length());
      int slash = u.indexOf('/');
      u = slash < 0 ? "" : u.substring(slash + 1);
    }
    while (u.startsWith("/")) u = u.substring(1);
    return parse(u);
  }

  private static UUID guid(String text, String segment) {
    try {
      if (text.length() != 36) throw new IllegalArgumentException();
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw DataverseError.badRequest(DataverseError.ODATA, "Bad Request - Error in query syntax: '" + segment
          + "' is not a valid key; use a GUID or alternate-key values like name='value'.");
    }
  }

  private static Map<String, String> keyValues(String inner, String segment) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < inner.length()) {
      int eq = inner.indexOf('=', i);
      if (eq < 0) throw DataverseError.segment(segment);
      String column = inner.substring(i, eq).trim();
      int j = eq + 1;
      StringBuilder value = new StringBuilder();
      if (j < inner.length() && inner.charAt(j) == '\'') {
        j++;
        while (true) {
          if (j >= inner.length()) throw DataverseError.segment(segment);
          char c = inner.charAt(j);
          if (c == '\'') {
            if (j + 1 < inner.length() && inner.charAt(j + 1) == '\'') { value.append('\''); j += 2; continue; }
            j++;
            break;
          }
          value.append(c);
          j++;
        }
      } else {
        int comma = inner.indexOf(',', j);
        int end = comma < 0 ? inner.length() : comma;
        value.append(inner, j, end);
        j = end;
      }
      out.put(column, value.toString().trim());
      while (j < inner.length() && (inner.charAt(j) == ',' || inner.charAt(j) == ' ')) j++;
      i = j;
    }
    return out;
  }
}
