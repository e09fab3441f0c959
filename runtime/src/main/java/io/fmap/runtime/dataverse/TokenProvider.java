package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OAuth 2.0 client-credentials tokens for one identity: fetched once, reused until shortly before
 * they expire, and fetched again at most once when the server answers 401 to a token we hold.
 */
public final class TokenProvider {
  /** Refresh this long before expiry, so a token never expires in flight. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final OkHttpClient http;
  private final URI tokenUrl;
  private final String scope;
  private final Identity identity;
  private final Redactor redactor;
  private final Clock clock;
  private String token;
  private Instant refreshAt = Instant.MIN;
  private int fetches;

  public TokenProvider(OkHttpClient http, URI tokenUrl, String scope, Identity identity, Redactor redactor,
                       Clock clock) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.scope = scope;
    this.identity = identity;
    this.redactor = redactor;
    this.clock = clock;
    redactor.remember(identity.secret().reveal());
  }

  /** A token valid for at least the refresh margin (or half its lifetime, for short-lived tokens). */
  public synchronized String token() throws IOException {
    if (token == null || !clock.instant().isBefore(refreshAt)) fetch();
    return token;
  }

  /** The server rejected {@code rejected}: drop it unless another thread already replaced it. */
  public synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) token = null;
  }

  /** How many tokens were fetched: tests check caching with it. */
  public synchronized int fetches() { return fetches; }

  private void fetch() throws IOException {
    Request request = new Request.Builder().url(tokenUrl.toString())
        .post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", identity.clientId())
            .add("client_secret", identity.secret().reveal())
            .add("scope", scope)
            .build())
        .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new IOException("token request for client " + identity.clientId() + " to " + tokenUrl
            + " failed with HTTP " + response.code() + ": " + redactor.clean(describe(body))
            + "; check the client id, the secret in $" + identity.secretEnv() + " and the tenant");
      }
      JsonNode json = Json.MAPPER.readTree(body);
      String access = json.path("access_token").asText(null);
      if (access == null) throw new IOException("token response from " + tokenUrl + " has no access_token");
      long lifetime = json.path("expires_in").asLong(3600);
      Duration margin = REFRESH_MARGIN.compareTo(Duration.ofSeconds(lifetime / 2)) < 0
          ? REFRESH_MARGIN : Duration.ofSeconds(lifetime / 2);
      redactor.remember(access);
      token = access;
      refreshAt = clock.instant().plusSeconds(lifetime).minus(margin);
      fetches++;
    }
  }

  private static String describe(String body) {
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      if (json != null && json.has("error")) {
        return json.path("error").asText() + " " + json.path("error_description").asText("");
      }
    } catch (IOException ignored) {
      // not JSON: fall through to the raw text
    }
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
