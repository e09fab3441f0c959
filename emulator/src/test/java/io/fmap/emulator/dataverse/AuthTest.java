package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client-credentials token endpoint and the bearer check. */
class AuthTest {
  private static Http.Answer token(DataverseEmulator dv, String form) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dv.tokenUrl("contoso-tenant")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Http.Answer(r.statusCode(), r.headers(), r.body());
  }

  @Test
  void tokenFromTheEndpointOpensTheApiAndNoTokenIsUnauthorized() throws Exception {
    ManualClock clock = new ManualClock();
    EmulatorConfig config = Emulators.open().withAuth(true).withClock(clock).withClients(Map.of("app-one", "s3cret", "app-two", "other"));
    try (DataverseEmulator dv = Emulators.start(config)) {
      assertEquals(401, new Http(dv).get("WhoAmI").status());
      assertTrue(new Http(dv).get("WhoAmI").header("WWW-Authenticate").startsWith("Bearer"));
      Http.Answer t = token(dv, "grant_type=client_credentials&client_id=app-one&client_secret=s3cret&scope=https%3A%2F%2Forg.crm.dynamics.com%2F.default");
      assertEquals(200, t.status(), t.body());
      assertEquals("Bearer", t.json().path("token_type").asText());
      String access = t.json().path("access_token").asText();
      Http.Answer me = new Http(dv).bearer(access).get("WhoAmI");
      assertEquals(200, me.status());
      assertEquals(dv.applicationUser("app-one").toString(), me.json().path("UserId").asText());
      clock.advance(Duration.ofSeconds(3600));
      assertEquals(401, new Http(dv).bearer(access).get("WhoAmI").status(), "expired token");
    }
  }

  @Test
  void wrongSecretAndUnknownClientAnswerLikeEntraId() throws Exception {
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withAuth(true))) {
      Http.Answer bad = token(dv, "grant_type=client_credentials&client_id=fmap-demo&client_secret=nope&scope=x/.default");
      assertEquals(401, bad.status());
      assertEquals("invalid_client", bad.json().path("error").asText());
      assertTrue(bad.json().path("error_description").asText().startsWith("AADSTS7000215"));
      Http.Answer unknown = token(dv, "grant_type=client_credentials&client_id=who&client_secret=x&scope=x/.default");
      assertEquals(400, unknown.status());
      assertEquals("unauthorized_client", unknown.json().path("error").asText());
      Http.Answer scope = token(dv, "grant_type=client_credentials&client_id=fmap-demo&client_secret=fmap-demo&scope=x");
      assertEquals("invalid_scope", scope.json().path("error").asText());
    }
  }
}
