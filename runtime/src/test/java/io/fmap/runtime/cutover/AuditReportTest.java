package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.ledger.Intent;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.ledger.LedgerLocation;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.Outcome;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.ledger.ThrottleWait;
import io.fmap.runtime.ledger.WriteKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReportTest {
  @TempDir Path dir;
  private Ledger ledger;

  /** A full run with every kind of outcome, a throttle wait and a checkpoint, then an interrupted delta. */
  @BeforeEach
  void twoRuns() {
    ledger = Ledger.open(LedgerLocation.sqliteFile(dir.resolve("ledger.db")),
        Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC));
    long full = ledger.startRun(RunMode.FULL, "ana", "sha256:plan1").id();
    RecordKey a1 = new RecordKey("Company", "c1", "account");
    RecordKey a2 = new RecordKey("Company", "c2", "account");
    RecordKey k1 = new RecordKey("Contact", "p1", "contact");
    RecordKey k2 = new RecordKey("Contact", "p2", "contact");
    ledger.intend(full, List.of(new Intent(a1, WriteKind.UPSERT, "11111111-1111-1111-1111-111111111111", "h1", null),
        new Intent(a2, WriteKind.UPSERT, null, "h2", null)));
    ledger.settle(full, List.of(new Outcome.Landed(a1, Operation.CREATED, "11111111-1111-1111-1111-111111111111", null),
        new Outcome.Failed(a2, "0x80044331", "A validation error occurred. <name> exceeded the maximum allowed length")));
    ledger.recordThrottleWait(full, new ThrottleWait("account", 429, 1500));
    ledger.recordThrottleWait(full, new ThrottleWait("account", 429, 500));
    ledger.checkpoint(full, "after tier 0");
    ledger.intend(full, List.of(new Intent(k1, WriteKind.UPSERT, "22222222-2222-2222-2222-222222222222", "h3", null)));
    ledger.settle(full, List.of(new Outcome.Landed(k1, Operation.CREATED, "22222222-2222-2222-2222-222222222222", null),
        new Outcome.Quarantined(k2, "MISSING_VALUE", "contacts.fmap:3: MISSING_VALUE: last_name is empty")));
    ledger.finishRun(full, RunStatus.COMPLETED);
    long delta = ledger.startRun(RunMode.DELTA, "ben", "sha256:plan1").id();
    ledger.intend(delta, List.of(new Intent(k1, WriteKind.UPSERT, "22222222-2222-2222-2222-222222222222", "h4", null)));
  }

  @Test
  void textReportShowsEveryRunWithCountsErrorsWaitsAndCheckpoints() {
    Approvals.verify(AuditReportFormat.text(AuditReport.read(ledger, OptionalLong.empty())));
  }

  @Test
  void jsonReportHasARunsArrayWhoseItemsCarryTheirId() {
    Approvals.verify(AuditReportFormat.jsonText(AuditReport.read(ledger, OptionalLong.empty())));
  }

  @Test
  void theSameLedgerAlwaysGivesTheSameReport() {
    assertEquals(AuditReportFormat.jsonText(AuditReport.read(ledger, OptionalLong.empty())),
        AuditReportFormat.jsonText(AuditReport.read(ledger, OptionalLong.empty())));
    assertEquals(AuditReportFormat.html(AuditReport.read(ledger, OptionalLong.empty())),
        AuditReportFormat.html(AuditReport.read(ledger, OptionalLong.empty())));
  }

  @Test
  void oneRunOnlyWhenAskedAndAnUnknownRunNamesTheWayOut() {
    AuditReport one = AuditReport.read(ledger, OptionalLong.of(2));
    assertEquals(1, one.runs().size());
    assertTrue(one.hasProblems(), "the interrupted delta left a write in doubt");
    LedgerException e = assertThrows(LedgerException.class, () -> AuditReport.read(ledger, OptionalLong.of(9)));
    assertTrue(e.getMessage().contains("no run 9"), e.getMessage());
  }

  @Test
  void htmlIsSelfContainedAndEscapesWhatTheTargetSaid() {
    String html = AuditReportFormat.html(AuditReport.read(ledger, OptionalLong.empty()));
    assertTrue(html.contains("&lt;name&gt; exceeded"), "the server's text is escaped");
    assertFalse(html.contains("<name>"));
    assertFalse(html.matches("(?s).*(src=|href=|@import|url\\(|fetch\\(|XMLHttpRequest).*"), "nothing fetched");
    assertFalse(html.contains("http"), "nothing fetched from elsewhere");
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
  }

  @Test
  void anEmptyLedgerSaysHowToGetARun() {
    Ledger empty = Ledger.open(LedgerLocation.sqliteFile(dir.resolve("empty.db")));
    assertTrue(AuditReportFormat.text(AuditReport.read(empty, OptionalLong.empty())).contains("fmap migrate"));
    empty.close();
  }
}
