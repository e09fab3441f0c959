package io.fmap.emulator.dataverse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Web API request, independent of the transport: the HTTP front end builds it from a socket,
 * {@code $batch} builds one per part, so both run through the same code.
 *
 * @param path       path below {@code /api/data/v9.2/}, still percent-encoded
 * @param query      decoded query options ({@code $select} → {@code name,accountnumber})
 * @param headers    header names lower-cased
 * @param caller     the identity the request runs as (systemuserid of the application user)
 * @param contentIds {@code $1} → entity URL, for references inside one change set
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         byte[] body, java.util.UUID caller, Map<String, String> contentIds) {

  public ApiRequest {
    query = Map.copyOf(query);
    // Names are kept lower-cased and looked up without regard to case: header() needs no lower-cased copy of
    // the name it is asked for (a $batch part asks for If-Match, If-None-Match and Prefer).
    TreeMap<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    headers = lower;
    body = body == null ? new byte[0] : body;
    contentIds = contentIds == null ? Map.of() : contentIds;
  }

  public String header(String name) { return headers.get(name); }

  public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

  /** True when a {@code Prefer} header carries this preference (several may be comma-separated). */
  public boolean prefers(String preference) {
    String prefer = header("Prefer");
    if (prefer == null) return false;
    for (String p : prefer.split(",")) if (p.trim().startsWith(preference)) return true;
    return false;
  }

  /** The value of {@code Prefer: name=value}, or null. */
  public String preference(String name) {
    String prefer = header("Prefer");
    if (prefer == null) return null;
    for (String p : prefer.split(",")) {
      String t = p.trim();
      if (t.startsWith(name + "=")) return t.substring(name.length() + 1).replace("\"", "");
    }
    return null;
  }

  public List<String> segments() {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p.isEmpty() ? List.of() : List.of(p.split("/"));
  }
}
