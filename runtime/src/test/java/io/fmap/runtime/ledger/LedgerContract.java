package io.fmap.runtime.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's behaviour, the same on every database it supports: each subclass opens a fresh,
 * empty ledger of its kind.
 */
abstract class LedgerContract {

  static final RecordKey ACME = new RecordKey("Company", "c1", "account");
  static final RecordKey GLOBEX = new RecordKey("Company", "c2", "account");
  static final RecordKey ADA = new RecordKey("Contact", "p1", "contact");

  Ledger ledger;

  abstract Ledger openFresh() throws Exception;

  @BeforeEach
  void open() throws Exception {
    ledger = openFresh();
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  static Intent create(RecordKey key) {
    return new Intent(key, WriteKind.CREATE, null, "hash-" + key.sourceId(), null);
  }

  static Outcome.Landed created(RecordKey key, String targetId) {
    return new Outcome.Landed(key, Operation.CREATED, targetId, "W/\"1\"");
  }

  @Test
  void aFreshLedgerIsAtTheLatestSchemaVersionWithNoRuns() {
    assertEquals(Migrations.latest(), ledger.schemaVersion());
    assertEquals(List.of(), ledger.runs());
  }

  @Test
  void startingARunRecordsWhoWhichPlanAndAnOpeningCheckpoint() {
    Run run = ledger.startRun(RunMode.FULL, "ana", "sha256:abc");
    assertEquals(RunStatus.RUNNING, run.status());
    assertEquals("ana", run.who());
    assertEquals("sha256:abc", run.planHash());
    assertNull(run.endedAt());
    assertEquals(List.of(new Checkpoint(1, run.id(), "before run " + run.id(), 0, ledger.checkpoints().get(0).createdAt())),
        ledger.checkpoints());
    assertEquals(List.of(run), ledger.unfinishedRuns());

    Run done = ledger.finishRun(run.id(), RunStatus.COMPLETED);
    assertEquals(RunStatus.COMPLETED, done.status());
    assertTrue(done.endedAt().isAfter(done.startedAt()));
    assertEquals(List.of(), ledger.unfinishedRuns());
  }

  @Test
  void anIntentWithoutAnAnswerIsInDoubtUntilSettled() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    assertEquals(List.of(ACME, GLOBEX), ledger.intend(run, List.of(create(ACME), create(GLOBEX))));

    List<LedgerEntry> doubt = ledger.inDoubt(run);
    assertEquals(List.of(ACME, GLOBEX), doubt.stream().map(LedgerEntry::key).toList());
    assertEquals(WriteKind.CREATE, doubt.get(0).kind());
    assertEquals("hash-c1", doubt.get(0).contentHash());

    ledger.settle(run, List.of(created(ACME, "guid-1")));
    assertEquals(List.of(GLOBEX), ledger.inDoubt(run).stream().map(LedgerEntry::key).toList());
    LedgerEntry landed = ledger.entry(run, ACME).orElseThrow();
    assertEquals(Operation.CREATED, landed.outcome());
    assertEquals("guid-1", landed.targetId());
    assertEquals("W/\"1\"", landed.targetVersion());
    assertFalse(landed.inDoubt());
  }

  @Test
  void aRecordThatLandedIsNeverAnnouncedAgainInTheSameRun() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(run, List.of(create(ACME)));
    ledger.settle(run, List.of(created(ACME, "guid-1")));

    assertEquals(List.of(GLOBEX), ledger.intend(run, List.of(create(ACME), create(GLOBEX))));
    assertEquals(java.util.Set.of(ACME), ledger.landedAmong(run, List.of(ACME, GLOBEX, ADA)));
    assertEquals(1, ledger.entry(run, ACME).orElseThrow().attempts());
  }

  @Test
  void aFailedRecordIsRetriedWithItsAttemptsCountedAndANewPosition() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(run, List.of(create(ACME)));
    ledger.settle(run, List.of(new Outcome.Failed(ACME, "0x80040237", "duplicate key")));
    long firstSeq = ledger.entry(run, ACME).orElseThrow().seq();
    ledger.intend(run, List.of(create(GLOBEX)));

    assertEquals(List.of(ACME), ledger.intend(run, List.of(create(ACME))));
    LedgerEntry retried = ledger.entry(run, ACME).orElseThrow();
    assertEquals(2, retried.attempts());
    assertTrue(retried.inDoubt());
    assertTrue(retried.seq() > ledger.entry(run, GLOBEX).orElseThrow().seq(), "retry comes after " + firstSeq);
  }

  @Test
  void aLandedRecordCannotBeTurnedIntoAFailureButARepeatedConfirmationIsHarmless() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(run, List.of(create(ACME)));
    ledger.settle(run, List.of(created(ACME, "guid-1")));

    ledger.settle(run, List.of(created(ACME, "guid-other")));
    assertEquals("guid-1", ledger.entry(run, ACME).orElseThrow().targetId());
    assertThrows(IllegalStateException.class,
        () -> ledger.settle(run, List.of(new Outcome.Failed(ACME, "E", "late error"))));
  }

  @Test
  void skippedAndQuarantinedRecordsNeedNoIntent() {
    long run = ledger.startRun(RunMode.DELTA, "ana", "h").id();
    ledger.settle(run, List.of(new Outcome.Skipped(ACME, "unchanged", "hash-c1"),
        new Outcome.Quarantined(ADA, "FM-REQUIRED", "lastname is required")));

    assertEquals(List.of(), ledger.inDoubt(run));
    assertEquals(Operation.SKIPPED, ledger.entry(run, ACME).orElseThrow().outcome());
    assertEquals(0, ledger.entry(run, ACME).orElseThrow().attempts());
    assertEquals("FM-REQUIRED", ledger.entry(run, ADA).orElseThrow().errorCode());
  }

  @Test
  void onlyARunningRunIsWritten() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.finishRun(run, RunStatus.COMPLETED);
    assertThrows(IllegalStateException.class, () -> ledger.intend(run, List.of(create(ACME))));
    assertThrows(LedgerException.class, () -> ledger.intend(99, List.of(create(ACME))));
  }

  @Test
  void countsAndErrorsAreGroupedForTheAuditReport() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    RecordKey bob = new RecordKey("Contact", "p2", "contact");
    RecordKey cy = new RecordKey("Contact", "p3", "contact");
    RecordKey dee = new RecordKey("Contact", "p4", "lead");
    ledger.intend(run, List.of(create(ACME), create(GLOBEX), create(ADA), create(bob), create(dee)));
    ledger.settle(run, List.of(created(ACME, "g1"), new Outcome.Landed(GLOBEX, Operation.UPDATED, "g2", null),
        new Outcome.Failed(ADA, "0x80044331", "lookup target missing"),
        new Outcome.Failed(bob, "0x80044331", "lookup target missing again")));
    ledger.settle(run, List.of(new Outcome.Quarantined(cy, "FM-TOO-LONG", "title over 100")));
    ledger.recordThrottleWait(run, new ThrottleWait("contact", 429, 1500));
    ledger.recordThrottleWait(run, new ThrottleWait(null, 503, 500));

    assertEquals(List.of(
        new LedgerAudit.ObjectCounts("Company", "account", 1, 1, 0, 0, 0, 0, 0, 0),
        new LedgerAudit.ObjectCounts("Contact", "contact", 0, 0, 0, 2, 1, 0, 0, 0),
        new LedgerAudit.ObjectCounts("Contact", "lead", 0, 0, 0, 0, 0, 0, 0, 1)),
        ledger.audit().counts(run));
    assertEquals(List.of(
        new LedgerAudit.ErrorGroup("0x80044331", 2,
            List.of(new LedgerAudit.ErrorExample(ADA, "lookup target missing"))),
        new LedgerAudit.ErrorGroup("FM-TOO-LONG", 1,
            List.of(new LedgerAudit.ErrorExample(cy, "title over 100")))),
        ledger.audit().errorsByCode(run, 1));
    assertEquals(new LedgerAudit.ThrottleSummary(2, 2000, 1500), ledger.audit().throttle(run));
  }

  @Test
  void theWatermarkIsTheLatestCompletedRunsAndIgnoresRunsThatDidNotComplete() {
    long first = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.setWatermark(first, "Contact", "2026-11-01T00:00:00Z");
    assertEquals(Optional.empty(), ledger.watermark("Contact"), "not before the run completes");
    ledger.finishRun(first, RunStatus.COMPLETED);

    long crashed = ledger.startRun(RunMode.DELTA, "ana", "h").id();
    ledger.setWatermark(crashed, "Contact", "2026-11-05T00:00:00Z");
    long aborted = ledger.startRun(RunMode.DELTA, "ana", "h").id();
    ledger.setWatermark(aborted, "Contact", "2026-11-06T00:00:00Z");
    ledger.finishRun(aborted, RunStatus.ABORTED);
    assertEquals(Optional.of(new Watermark("Contact", "2026-11-01T00:00:00Z", first)), ledger.watermark("Contact"));

    long delta = ledger.startRun(RunMode.DELTA, "ana", "h").id();
    ledger.setWatermark(delta, "Contact", "2026-11-02T00:00:00Z");
    ledger.setWatermark(delta, "Contact", "2026-11-03T00:00:00Z");
    ledger.finishRun(delta, RunStatus.COMPLETED);
    assertEquals("2026-11-03T00:00:00Z", ledger.watermark("Contact").orElseThrow().value());

    ledger.markRolledBack(delta);
    assertEquals("2026-11-01T00:00:00Z", ledger.watermark("Contact").orElseThrow().value(),
        "a rolled-back delta gives its window back");
  }

  @Test
  void lastLandedFollowsTheLatestWriteThatStillStands() {
    long full = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(full, List.of(create(ACME)));
    ledger.settle(full, List.of(created(ACME, "g1")));
    ledger.finishRun(full, RunStatus.COMPLETED);

    long delta = ledger.startRun(RunMode.DELTA, "ana", "h").id();
    ledger.intend(delta, List.of(new Intent(ACME, WriteKind.UPDATE, "g1", "hash-new", "{\"name\":\"Acme\"}")));
    ledger.settle(delta, List.of(new Outcome.Landed(ACME, Operation.UPDATED, "g1", null)));
    ledger.finishRun(delta, RunStatus.COMPLETED);

    Map<RecordKey, LedgerEntry> last = ledger.history().lastLanded(List.of(ACME, GLOBEX));
    assertEquals(java.util.Set.of(ACME), last.keySet());
    assertEquals("hash-new", last.get(ACME).contentHash());

    long undo = ledger.startRollback(delta, "ana", "h").id();
    ledger.intend(undo, List.of(new Intent(ACME, WriteKind.RESTORE, "g1", null, null)));
    ledger.settle(undo, List.of(new Outcome.Landed(ACME, Operation.RESTORED, "g1", null)));
    assertEquals("hash-c1", ledger.history().lastLanded(List.of(ACME)).get(ACME).contentHash(),
        "undone by a rollback even before the rollback run completes");
  }

  @Test
  void undoingARunListsItsWritesNewestFirstInPagesAndForgetsWhatARollbackUndid() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(run, List.of(create(ACME), create(GLOBEX)));
    ledger.settle(run, List.of(created(ACME, "g1"), new Outcome.Failed(GLOBEX, "E", "no")));
    Checkpoint tier2 = ledger.checkpoint(run, "tier 2");
    ledger.intend(run, List.of(create(ADA), new Intent(new RecordKey("Contact", "p9", "contact"),
        WriteKind.UPDATE, "g9", "h9", "{\"firstname\":\"Old\"}")));
    ledger.settle(run, List.of(new Outcome.Landed(new RecordKey("Contact", "p9", "contact"), Operation.UPDATED, "g9", null)));
    // ADA stays in doubt: it may have been created, so rollback must consider it.

    List<LedgerEntry> page1 = ledger.history().undoable(run, 0, Long.MAX_VALUE, 2);
    assertEquals(List.of("p9", "p1"), page1.stream().map(e -> e.key().sourceId()).toList());
    assertEquals("{\"firstname\":\"Old\"}", page1.get(0).beforeImage());
    List<LedgerEntry> page2 = ledger.history().undoable(run, 0, page1.get(1).seq(), 2);
    assertEquals(List.of("c1"), page2.stream().map(e -> e.key().sourceId()).toList(), "the failed write is not undone");
    assertEquals(List.of("p9", "p1"),
        ledger.history().undoable(run, tier2.seq(), Long.MAX_VALUE, 10).stream().map(e -> e.key().sourceId()).toList());

    long undo = ledger.startRollback(run, "ana", "h").id();
    RecordKey p9 = new RecordKey("Contact", "p9", "contact");
    ledger.intend(undo, List.of(new Intent(p9, WriteKind.RESTORE, "g9", null, null)));
    ledger.settle(undo, List.of(new Outcome.Landed(p9, Operation.RESTORED, "g9", null)));
    assertEquals(List.of("p1", "c1"),
        ledger.history().undoable(run, 0, Long.MAX_VALUE, 10).stream().map(e -> e.key().sourceId()).toList(),
        "a resumed rollback starts where it stopped");
  }

  @Test
  void aCheckpointIsRefusedWhileWritesAreInDoubt() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(run, List.of(create(ACME)));
    assertThrows(IllegalStateException.class, () -> ledger.checkpoint(run, "tier 2"));
  }

  @Test
  void laterWritesToTheSameRowsAreFoundSoRollbackCanRefuse() {
    long full = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(full, List.of(create(ACME), create(GLOBEX)));
    ledger.settle(full, List.of(created(ACME, "g1"), created(GLOBEX, "g2")));
    ledger.finishRun(full, RunStatus.COMPLETED);
    assertEquals(List.of(), ledger.history().laterWrites(full, 10));

    long delta = ledger.startRun(RunMode.DELTA, "ana", "h").id();
    ledger.intend(delta, List.of(new Intent(GLOBEX, WriteKind.UPDATE, "g2", "h2", "{}")));
    ledger.settle(delta, List.of(new Outcome.Landed(GLOBEX, Operation.UPDATED, "g2", null)));
    ledger.finishRun(delta, RunStatus.COMPLETED);
    assertEquals(List.of(new LaterWrite("account", "g2", delta)), ledger.history().laterWrites(full, 10));
    assertEquals(List.of(), ledger.history().laterWrites(delta, 10));

    ledger.markRolledBack(delta);
    assertEquals(List.of(), ledger.history().laterWrites(full, 10), "a rolled-back later run no longer blocks");
  }

  @Test
  void schemaChangesAreRecordedOnceUntilRemoved() {
    long run = ledger.startRun(RunMode.SCHEMA, "ana", "h").id();
    assertTrue(ledger.recordSchemaChange(run, "column", "account.new_tier", "{\"type\":\"string\"}"));
    assertFalse(ledger.recordSchemaChange(run, "column", "account.new_tier", "{\"type\":\"string\"}"));
    AppliedSchemaChange change = ledger.schemaChanges().get(0);
    assertNull(change.removedBy());

    long undo = ledger.startRollback(run, "ana", "h").id();
    ledger.markSchemaChangeRemoved(change.id(), undo);
    assertEquals(undo, ledger.schemaChanges().get(0).removedBy());
    assertTrue(ledger.recordSchemaChange(run, "column", "account.new_tier", "{}"), "applied again after removal");
  }

  @Test
  void timestampsComeFromTheLedgersClock() {
    Run run = ledger.startRun(RunMode.SAMPLE, "ana", "h");
    assertTrue(run.startedAt().isAfter(Instant.parse("2026-11-29T07:59:59Z")));
    assertTrue(run.startedAt().isBefore(Instant.parse("2026-11-29T09:00:00Z")));
  }

  @Test
  void whatStandsIsTheLatestForwardWriteOfEachRecordAndADeleteEndsIt() {
    long full = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(full, List.of(create(ACME), create(GLOBEX), create(ADA)));
    ledger.settle(full, List.of(created(ACME, "g1"), created(GLOBEX, "g2"), created(ADA, "g3")));
    ledger.finishRun(full, RunStatus.COMPLETED);

    long delta = ledger.startRun(RunMode.DELTA, "ana", "h").id();
    ledger.intend(delta, List.of(new Intent(ACME, WriteKind.UPDATE, "g1", "hash-new", "{\"name\":\"Acme\"}"),
        new Intent(GLOBEX, WriteKind.DELETE, "g2", null, "{\"name\":\"Globex\"}")));
    ledger.settle(delta, List.of(new Outcome.Landed(ACME, Operation.UPDATED, "g1", null),
        new Outcome.Landed(GLOBEX, Operation.DELETED, "g2", null)));

    List<LedgerEntry> accounts = ledger.history().standing("Company", "account", "", 10);
    assertEquals(List.of("c1"), accounts.stream().map(e -> e.key().sourceId()).toList(), "the deleted row stands no more");
    assertEquals("hash-new", accounts.get(0).contentHash());
    assertEquals(1, ledger.history().standingCount("Company", "account"));
    assertEquals(1, ledger.history().standingCount("Contact", "contact"));
    assertEquals(List.of(), ledger.history().standing("Company", "account", "c1", 10), "paging goes past c1");
    assertEquals(java.util.Set.of(ACME, ADA), ledger.history().lastLanded(List.of(ACME, GLOBEX, ADA)).keySet());

    List<LedgerEntry> undo = ledger.history().undoable(delta, 0, Long.MAX_VALUE, 10);
    assertEquals(List.of(Operation.DELETED, Operation.UPDATED), undo.stream().map(LedgerEntry::outcome).toList());
    assertEquals("{\"name\":\"Globex\"}", undo.get(0).beforeImage(), "a delete keeps what to recreate");

    ledger.finishRun(delta, RunStatus.COMPLETED);
    ledger.markRolledBack(delta);
    assertEquals(2, ledger.history().standingCount("Company", "account"), "rolling the delta back brings Globex back");
  }

  @Test
  void onlyOneProcessWritesALedgerAtATimeAndReleasingTheLockFreesIt() {
    try (WriterLock lock = ledger.lockForWriting("pid 1 (ana, fmap migrate)");
        Ledger other = Ledger.open(ledger.location(), new SteppingClock())) {
      LedgerException e = assertThrows(LedgerException.class, () -> other.lockForWriting("pid 2"));
      assertTrue(e.getMessage().startsWith("another fmap process is writing the ledger"), e.getMessage());
      assertEquals(List.of(), other.runs(), "reading needs no lock");
    }
    try (Ledger other = Ledger.open(ledger.location(), new SteppingClock());
        WriterLock lock = other.lockForWriting("pid 2")) {
      assertTrue(lock != null);
    }
  }

  @Test
  void textSortsByteByByteInEveryDatabaseSoReportsAndPagesAgree() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    RecordKey lower = new RecordKey("alpha", "a", "new_alpha");
    RecordKey upper = new RecordKey("Zeta", "z", "new_zeta");
    ledger.settle(run, List.of(new Outcome.Skipped(lower, "unchanged", null), new Outcome.Skipped(upper, "unchanged", null)));
    assertEquals(List.of("Zeta", "alpha"),
        ledger.audit().counts(run).stream().map(LedgerAudit.ObjectCounts::sourceObject).toList());
  }
}
