package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JDK HTTP client for the emulator tests: JSON in, status + headers + JSON out. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String token;

  Http(DataverseEmulator dv) { this.base = dv.baseUrl(); }

  Http bearer(String accessToken) {
    this.token = accessToken;
    return this;
  }

  record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) { return headers.firstValue(name).orElse(null); }

    String code() { return json().path("error").path("code").asText(null); }

    String message() { return json().path("error").path("message").asText(null); }
  }

  Answer get(String path, String... headers) { return send("GET", path, null, headers); }

  Answer post(String path, String body, String... headers) { return send("POST", path, body, headers); }

  Answer patch(String path, String body, String... headers) { return send("PATCH", path, body, headers); }

  Answer delete(String path, String... headers) { return send("DELETE", path, null, headers); }

  Answer send(String method, String path, String body, String... headers) {
    String url = (path.startsWith("http") ? path : base + path).replace(" ", "%20").replace("'", "%27");
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    b.header("Accept", "application/json").header("OData-MaxVersion", "4.0").header("OData-Version", "4.0");
    if (body != null) b.header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    for (int i = 0; i + 1 < headers.length; i += 2) b.setHeader(headers[i], headers[i + 1]);
    try {
      // Bounded: a response that never completes fails the test instead of hanging the build.
      HttpResponse<String> r = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).get(30, java.util.concurrent.TimeUnit.SECONDS);
      return new Answer(r.statusCode(), r.headers(), r.body());
    } catch (java.util.concurrent.ExecutionException e) {
      throw new java.io.UncheckedIOException(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new java.io.UncheckedIOException(new IOException("no complete answer within 30 s", e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Map<String, ?> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The GUID at the end of an OData-EntityId header. */
  static String idOf(Answer a) {
    String h = a.header("OData-EntityId");
    if (h == null) throw new AssertionError("no OData-EntityId in " + a.status() + " " + a.body());
    return h.substring(h.lastIndexOf('(') + 1, h.length() - 1);
  }
}
