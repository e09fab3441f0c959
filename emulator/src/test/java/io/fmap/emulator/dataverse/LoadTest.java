package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 50 concurrent clients × N requests (N = 200 in the build, which must stay fast on two shared
 * cores; {@code -Dfmap.load.requests=1000} runs the full 50 × 1,000 of issue 5) (creates, upserts, reads, bulk): afterwards every row
 * a client was told it created exists exactly once, counts agree with what the clients did, and
 * a probe sent in the middle of the load was answered. Counts are derived from the answers the
 * clients got, never fixed in advance, so the test cannot be flaky on timing.
 */
class LoadTest {
  static final int CLIENTS = 50;
  static final int REQUESTS = Integer.getInteger("fmap.load.requests", 200);

  @Test
  void concurrentClientsLoseNoRowsAndTheServerStaysResponsive() throws Exception {
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withThreads(32))) {
      Http http = new Http(dv);
      Set<String> created = ConcurrentHashMap.newKeySet();
      AtomicInteger upserts = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          for (int i = 0; i < REQUESTS; i++) {
            switch (i % 4) {
              case 0, 1 -> {
                Http.Answer a = http.post("accounts", "{\"name\":\"c" + client + "-" + i + "\",\"accountnumber\":\"" + client + "-" + i + "\"}");
                if (a.status() == 204) created.add(Http.idOf(a)); else failures.incrementAndGet();
              }
              case 2 -> {
                String id = java.util.UUID.nameUUIDFromBytes(("load-" + client + "-" + (i % 40)).getBytes()).toString();
                Http.Answer a = http.patch("accounts(" + id + ")", "{\"name\":\"upsert " + client + "\"}");
                if (a.status() == 204) upserts.incrementAndGet(); else failures.incrementAndGet();
              }
              default -> {
                Http.Answer a = http.get("accounts?$select=name&$top=5&$filter=accountnumber eq '" + client + "-" + (i - 3) + "'");
                if (a.status() != 200 || a.json().path("value").size() != 1) failures.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      Thread.sleep(200);
      Http.Answer probe = http.get("WhoAmI");
      assertEquals(200, probe.status(), "a request during the load is answered");
      for (Future<?> f : done) f.get(5, TimeUnit.MINUTES);
      clients.shutdown();

      assertEquals(0, failures.get());
      int createsPerClient = 0;
      for (int i = 0; i < REQUESTS; i++) if (i % 4 < 2) createsPerClient++;
      assertEquals(CLIENTS * createsPerClient, created.size(), "every create answered with a new id");
      // Upserts by id create a row the first time and update it after: 40 distinct ids per client at most.
      int expectedRows = created.size() + CLIENTS * distinctUpsertIds();
      JsonNode count = http.get("accounts?$select=accountid&$count=true&$top=1").json();
      assertEquals(expectedRows, count.path("@odata.count").asInt());
      assertEquals(expectedRows, dv.count("account"));
      for (String id : created) assertTrue(dv.row("account", java.util.UUID.fromString(id)).isPresent());
      assertTrue(upserts.get() > 0);
      assertEquals((long) CLIENTS * REQUESTS + 2, dv.stats().requests(), "the load, the probe and the count");
    }
  }

  /** Upsert ids cycle through i % 40 over the i ≡ 2 (mod 4) requests. */
  private static int distinctUpsertIds() {
    Set<Integer> ids = new java.util.HashSet<>();
    for (int i = 2; i < REQUESTS; i += 4) ids.add(i % 40);
    return ids.size();
  }
}
