package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A Dataverse error as the server reported it: {@code error.code} is a hex code such as
 * {@code 0x80044331} (unrelated to the HTTP status, sometimes empty) and {@code error.message}
 * the server's sentence.
 */
public record ServerError(int status, String code, String message) {

  static ServerError parse(int status, String body) {
    try {
      JsonNode json = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
      if (json != null && json.has("error")) {
        JsonNode e = json.get("error");
        return new ServerError(status, e.path("code").asText(""), e.path("message").asText(""));
      }
    } catch (IOException notJson) {
      // an HTML error page from a proxy, a truncated body: report the text below
    }
    String text = body == null ? "" : body.strip();
    return new ServerError(status, "", text.length() > 300 ? text.substring(0, 300) + "..." : text);
  }

  @Override public String toString() {
    return "HTTP " + status + (code.isEmpty() ? "" : " " + code) + ": " + message;
  }
}
