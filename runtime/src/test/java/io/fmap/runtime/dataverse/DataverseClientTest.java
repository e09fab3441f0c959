package io.fmap.runtime.dataverse;

import static io.fmap.runtime.dataverse.FakeOrg.error;
import static io.fmap.runtime.dataverse.FakeOrg.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataverseClientTest {
  private final FakeOrg org;
  private final DataverseClient client;

  DataverseClientTest() throws Exception {
    org = new FakeOrg();
    client = org.client(org.config(10, 4));
  }

  @AfterEach void stop() { org.close(); }

  @Test
  void everyRequestCarriesTheODataHeadersAndTheBearerToken() throws Exception {
    org.handle(r -> json(200, "{\"value\":[]}"));
    client.send(ApiRequest.get("accounts?$select=name"));
    RecordedRequest r = org.requests.get(0);
    assertEquals("/api/data/v9.2/accounts?$select=name", r.getTarget());
    assertEquals("Bearer " + FakeOrg.TOKEN_PREFIX + "1", r.getHeaders().get("Authorization"));
    assertEquals("application/json", r.getHeaders().get("Accept"));
    assertEquals("4.0", r.getHeaders().get("OData-MaxVersion"));
    assertEquals("4.0", r.getHeaders().get("OData-Version"));
    assertEquals("null", r.getHeaders().get("If-None-Match"));
  }

  @Test
  void a429IsRetriedAfterRetryAfterAndTheDopHintSetsConcurrency() throws Exception {
    AtomicInteger n = new AtomicInteger();
    org.handle(r -> n.incrementAndGet() == 1
        ? new MockResponse.Builder(error(429, "0x80072322", "Number of requests exceeded the limit of 6000"))
            .addHeader("Retry-After", "1").build()
        : new MockResponse.Builder(json(200, "{}")).addHeader("x-ms-dop-hint", "3").build());
    long start = System.nanoTime();
    ApiResponse r = client.send(ApiRequest.json("PATCH", "accounts(1)", "{}".getBytes(), true));
    assertEquals(200, r.code());
    assertTrue(System.nanoTime() - start >= 990_000_000L, "waited the full Retry-After second");
    assertEquals(2, org.requests.size());
    assertEquals(3, client.gate().limit());
  }

  @Test
  void a401RefetchesTheTokenOnceThenGivesUp() throws Exception {
    org.handle(r -> error(401, "0x80072560", "ExpiredAuthTicket"));
    ApiResponse r = client.send(ApiRequest.get("WhoAmI"));
    assertEquals(401, r.code());
    assertEquals(2, org.requests.size(), "one retry with a fresh token, not a loop");
    assertEquals(2, org.tokensIssued);
    assertEquals("Bearer " + FakeOrg.TOKEN_PREFIX + "2", org.requests.get(1).getHeaders().get("Authorization"));
  }

  @Test
  void repeatableRequestsAreRetriedAfter503AndDroppedConnections() throws Exception {
    AtomicInteger n = new AtomicInteger();
    org.handle(r -> switch (n.incrementAndGet()) {
      case 1 -> error(503, "", "Service Unavailable");
      case 2 -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      default -> json(204, "");
    });
    assertEquals(204, client.send(ApiRequest.json("PATCH", "accounts(k='1')", "{}".getBytes(), true)).code());
    assertEquals(3, org.requests.size());
  }

  @Test
  void aRequestThatIsNotSafeToRepeatReportsAnUnknownOutcomeInsteadOfRetrying() {
    org.handle(r -> error(503, "", "Service Unavailable"));
    assertThrows(OutcomeUnknownException.class,
        () -> client.send(ApiRequest.json("POST", "accounts", "{}".getBytes(), false)));
    assertEquals(1, org.requests.size());
  }

  @Test
  void transientFailuresAreRetriedABoundedNumberOfTimes() throws Exception {
    org.handle(r -> error(500, "", "boom"));
    assertEquals(500, client.send(ApiRequest.get("accounts")).code());
    assertEquals(FakeOrg.FAST.transientAttempts(), org.requests.size());
  }
}
