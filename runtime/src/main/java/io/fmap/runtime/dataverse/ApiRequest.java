package io.fmap.runtime.dataverse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Web API call, before auth and the standard OData headers are added.
 *
 * @param method      HTTP method
 * @param path        resource path relative to the API root ({@code accounts(accountnumber='A1')}), or an
 *                    absolute URL (an {@code @odata.nextLink})
 * @param headers     extra headers ({@code Prefer}, {@code If-Match}, ...)
 * @param body        request body, or null
 * @param contentType the body's media type, or null without a body
 * @param repeatable  true when sending it twice has the same effect as once (reads, upserts by key or
 *                    by id); only such requests are retried after a 5xx or a lost connection
 */
public record ApiRequest(String method, String path, Map<String, String> headers, byte[] body,
                         String contentType, boolean repeatable) {

  public static final String JSON = "application/json; charset=utf-8";

  public ApiRequest {
    headers = Map.copyOf(headers);
  }

  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, Map.of(), null, null, true);
  }

  public static ApiRequest json(String method, String path, byte[] body, boolean repeatable) {
    return new ApiRequest(method, path, Map.of(), body, JSON, repeatable);
  }

  public ApiRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiRequest(method, path, h, body, contentType, repeatable);
  }
}
