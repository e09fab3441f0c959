package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The three service-protection limits with exact Retry-After, on a clock the test moves. */
class ServiceProtectionTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void burstOverTheRequestLimitIsRefusedUntilTheOldestRequestLeavesTheWindow() {
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withClock(clock).withLimits(Limits.strict()))) {
      Http http = new Http(dv);
      for (int i = 0; i < 100; i++) {
        assertEquals(200, http.get("WhoAmI").status());
        if (i == 0) clock.advance(Duration.ofSeconds(5));
      }
      clock.advance(Duration.ofSeconds(10));
      Http.Answer refused = http.get("WhoAmI");
      assertEquals(429, refused.status());
      assertEquals("0x80072322", refused.code());
      assertEquals("Number of requests exceeded the limit of 100 over time window of 30 seconds.", refused.message());
      // the first request was at t=0 and leaves the 30 s window at t=30; now is t=15
      assertEquals("15", refused.header("Retry-After"));
      clock.advance(Duration.ofSeconds(15));
      assertEquals(200, http.get("WhoAmI").status(), "one slot freed");
      assertEquals(429, http.get("WhoAmI").status(), "the rest were sent at t=5");
      assertEquals(2, dv.stats().throttled());
      assertEquals("4", refused.header("x-ms-dop-hint"));
    }
  }

  @Test
  void executionTimeBudgetCountsRowsAndAnswersItsOwnCode() {
    Limits limits = Limits.strict().withRequests(10_000).withExecutionMillis(1000).withCosts(10, 100);
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withClock(clock).withLimits(limits))) {
      Http http = new Http(dv);
      StringBuilder targets = new StringBuilder("{\"Targets\":[");
      for (int i = 0; i < 10; i++) targets.append(i == 0 ? "" : ",").append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"a\"}");
      targets.append("]}");
      // 10 rows × 100 ms + 10 ms: one bulk request uses the whole 1,000 ms budget
      assertEquals(200, http.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets.toString()).status());
      clock.advance(Duration.ofSeconds(12));
      Http.Answer refused = http.get("WhoAmI");
      assertEquals(429, refused.status());
      assertEquals("0x80072321", refused.code());
      assertTrue(refused.message().startsWith("Combined execution time of incoming requests exceeded limit of 1,000 milliseconds"));
      assertEquals("18", refused.header("Retry-After"));
    }
  }

  @Test
  void concurrencyCapRefusesImmediately() {
    ServiceProtection protection = new ServiceProtection(Limits.strict().withConcurrent(2), clock);
    ServiceProtection.Permit a = (ServiceProtection.Permit) protection.admit("app");
    protection.admit("app");
    ServiceProtection.Admission third = protection.admit("app");
    ServiceProtection.Refusal refusal = assertInstanceOf(ServiceProtection.Refusal.class, third);
    assertEquals("0x80072326", refusal.error().code());
    assertEquals("Number of concurrent requests exceeded the limit of 2.", refusal.error().getMessage());
    a.release(0);
    assertInstanceOf(ServiceProtection.Permit.class, protection.admit("app"));
  }

  @Test
  void limitsArePerCallerIdentity() {
    ServiceProtection protection = new ServiceProtection(Limits.strict().withRequests(1), clock);
    ((ServiceProtection.Permit) protection.admit("one")).release(0);
    assertInstanceOf(ServiceProtection.Refusal.class, protection.admit("one"));
    assertInstanceOf(ServiceProtection.Permit.class, protection.admit("two"));
  }

  @Test
  void profilesCarryTheDocumentedNumbers() {
    Limits d = Limits.profile("default");
    assertEquals(6000, d.requests());
    assertEquals(1_200_000, d.executionMillis());
    assertEquals(Duration.ofSeconds(300), d.window());
    assertEquals(52, d.concurrent());
    Limits s = Limits.profile("strict");
    assertEquals(100, s.requests());
    assertEquals(20_000, s.executionMillis());
    assertEquals(8, s.concurrent());
  }
}
