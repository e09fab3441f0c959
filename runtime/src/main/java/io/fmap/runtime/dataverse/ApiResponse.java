package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Web API answer, read fully (responses are small JSON documents or {@code $batch} envelopes).
 *
 * @param code    HTTP status
 * @param headers response headers, names lower-cased
 * @param body    response body as text ("" when none)
 */
public record ApiResponse(int code, Map<String, String> headers, String body) {

  public ApiResponse {
    TreeMap<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    headers = java.util.Collections.unmodifiableMap(lower);
  }

  public boolean ok() { return code >= 200 && code < 300; }

  public String header(String name) { return headers.get(name.toLowerCase(java.util.Locale.ROOT)); }

  public JsonNode json() throws IOException {
    return body.isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
  }

  /** The server's {@code {"error":{"code","message"}}}, or the status line when the body has none. */
  public ServerError error() {
    return ServerError.parse(code, body);
  }
}
