package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected failures: scripted per request number, or seeded and reproducible. */
class FaultsTest {
  @Test
  void scriptedRequestFailsWith503AndTheNextSucceeds() {
    Faults faults = Faults.off().script(2, Faults.Kind.ERROR_503);
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withFaults(faults))) {
      Http http = new Http(dv);
      assertEquals(200, http.get("WhoAmI").status());
      assertEquals(503, http.get("WhoAmI").status());
      assertEquals(200, http.get("WhoAmI").status());
      assertEquals(1, dv.stats().faults());
    }
  }

  @Test
  void droppedConnectionCutsTheResponseButTheWriteHappened() {
    Faults faults = Faults.off().script(1, Faults.Kind.DROP_CONNECTION).script(2, Faults.Kind.DROP_CONNECTION);
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withFaults(faults))) {
      Http http = new Http(dv);
      // A 204 has no body to cut: the server must close the connection, not leave the client to its timeout.
      java.io.UncheckedIOException bodyless = assertThrows(java.io.UncheckedIOException.class,
          () -> http.post("accounts", "{\"name\":\"A\"}"));
      assertClosedNotTimedOut(bodyless);
      assertClosedNotTimedOut(assertThrows(java.io.UncheckedIOException.class, () -> http.get("accounts?$select=name")));
      assertEquals(1, dv.count("account"), "the server did the work before the cut: clients must write idempotently");
    }
  }

  private static void assertClosedNotTimedOut(java.io.UncheckedIOException e) {
    Throwable cause = e.getCause();
    boolean timedOut = cause instanceof java.net.http.HttpTimeoutException
        || cause.getCause() instanceof java.util.concurrent.TimeoutException;
    assertTrue(!timedOut, "the connection was closed, not left open until the client timed out: " + cause);
  }

  @Test
  void seededFaultsAreTheSameForTheSameSeed() {
    List<Faults.Kind> first = run(new Faults(0.3, 42, 0));
    List<Faults.Kind> second = run(new Faults(0.3, 42, 0));
    List<Faults.Kind> other = run(new Faults(0.3, 43, 0));
    assertEquals(first, second);
    assertTrue(!first.equals(other));
    long failed = first.stream().filter(k -> k != Faults.Kind.NONE).count();
    assertTrue(failed > 200 && failed < 400, "about 30% of 1000: " + failed);
  }

  private static List<Faults.Kind> run(Faults f) {
    List<Faults.Kind> out = new ArrayList<>();
    for (long n = 1; n <= 1000; n++) out.add(f.decide(n));
    return out;
  }

  @Test
  void rateOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Faults(1.5, 1, 0));
  }
}
