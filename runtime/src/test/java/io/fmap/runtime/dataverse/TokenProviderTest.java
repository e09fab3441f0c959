package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenProviderTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock();
  private final Identity identity = new Identity("app-1", "S", Secret.of("client-secret-42"));

  @BeforeEach void start() throws IOException { server.start(java.net.InetAddress.getLoopbackAddress(), 0); }

  @AfterEach void stop() { server.close(); }

  private TokenProvider provider() {
    return new TokenProvider(new OkHttpClient(), URI.create(server.url("/tenant/oauth2/v2.0/token").toString()),
        "https://org.example/.default", identity, new Redactor(), clock);
  }

  private static MockResponse token(String value, int seconds) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"token_type\":\"Bearer\",\"expires_in\":" + seconds + ",\"access_token\":\"" + value + "\"}").build();
  }

  @Test
  void sendsTheClientCredentialsGrantAndCachesTheToken() throws Exception {
    server.enqueue(token("tok-1", 3600));
    TokenProvider p = provider();
    assertEquals("tok-1", p.token());
    assertEquals("tok-1", p.token());
    assertEquals(1, p.fetches());
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    String form = r.getBody().utf8();
    assertTrue(form.contains("grant_type=client_credentials"), form);
    assertTrue(form.contains("client_id=app-1"), form);
    assertTrue(form.contains("scope=https%3A%2F%2Forg.example%2F.default"), form);
  }

  @Test
  void refreshesBeforeExpiryNotAfter() throws Exception {
    server.enqueue(token("tok-1", 3600));
    server.enqueue(token("tok-2", 3600));
    TokenProvider p = provider();
    assertEquals("tok-1", p.token());
    clock.advance(Duration.ofMinutes(54));
    assertEquals("tok-1", p.token(), "six minutes left: still good");
    clock.advance(Duration.ofMinutes(2));
    assertEquals("tok-2", p.token(), "four minutes left: inside the refresh margin");
  }

  @Test
  void aRejectedTokenIsFetchedAgainButOnlyOnceForManyCallers() throws Exception {
    server.enqueue(token("tok-1", 3600));
    server.enqueue(token("tok-2", 3600));
    TokenProvider p = provider();
    String t = p.token();
    p.invalidate(t);
    assertEquals("tok-2", p.token());
    p.invalidate(t); // a second thread reporting the same stale token does not drop the new one
    assertEquals("tok-2", p.token());
    assertEquals(2, p.fetches());
  }

  @Test
  void aFailedTokenRequestExplainsWithoutTheSecret() {
    server.enqueue(new MockResponse.Builder().code(401).body(
        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret client-secret-42\"}")
        .build());
    IOException e = assertThrows(IOException.class, () -> provider().token());
    assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
    assertTrue(e.getMessage().contains("$S"), "names the variable to check: " + e.getMessage());
    assertFalse(e.getMessage().contains("client-secret-42"), e.getMessage());
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) { now = now.plus(d); }

    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(java.time.ZoneId zone) { return this; }

    @Override public Instant instant() { return now; }
  }
}
