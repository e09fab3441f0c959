package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client-credentials token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}) answering like
 * Entra ID, and the bearer check every Web API request goes through.
 */
final class Tokens {
  private record Issued(String clientId, long expiresAtMillis) {}

  private final Map<String, String> secrets;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  Tokens(Map<String, String> secrets, Duration lifetime, Clock clock) {
    this.secrets = Map.copyOf(secrets);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  ApiResponse token(String form) {
    Map<String, String> p = parseForm(form);
    if (!"client_credentials".equals(p.get("grant_type"))) {
      return oauthError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type '"
          + p.getOrDefault("grant_type", "") + "'.");
    }
    if (p.get("scope") == null || !p.get("scope").endsWith("/.default")) {
      return oauthError(400, "invalid_scope", "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
    }
    String clientId = p.get("client_id");
    if (clientId == null || !secrets.containsKey(clientId)) {
      return oauthError(400, "unauthorized_client", "AADSTS700016: Application with identifier '" + clientId
          + "' was not found in the directory.");
    }
    if (!secrets.get(clientId).equals(p.get("client_secret"))) {
      return oauthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    issued.put(token, new Issued(clientId, clock.millis() + lifetime.toMillis()));
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime.toSeconds());
    body.put("ext_expires_in", lifetime.toSeconds());
    body.put("access_token", token);
    return ApiResponse.json(200, Json.write(body), 0).withHeader("Content-Type", "application/json; charset=utf-8");
  }

  /** The client id behind a valid, unexpired {@code Authorization: Bearer} header. */
  Optional<String> clientOf(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
    Issued i = issued.get(authorization.substring(7).trim());
    if (i == null) return Optional.empty();
    if (i.expiresAtMillis() <= clock.millis()) {
      issued.remove(authorization.substring(7).trim());
      return Optional.empty();
    }
    return Optional.of(i.clientId());
  }

  private static ApiResponse oauthError(int status, String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", description);
    body.putArray("error_codes").add(Integer.parseInt(description.substring("AADSTS".length(), description.indexOf(':'))));
    return ApiResponse.json(status, Json.write(body), 0).withHeader("Content-Type", "application/json; charset=utf-8");
  }

  static Map<String, String> parseForm(String form) {
    Map<String, String> out = new HashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }
}
