package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.exec.MigratedFixture;
import io.fmap.runtime.exec.RunSummary;
import io.fmap.runtime.ledger.ContentHash;
import io.fmap.runtime.ledger.Intent;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.Outcome;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.ledger.WriteKind;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrate with the real executor into the Dataverse emulator, then roll back: the target is as it was. */
class RollbackEndToEndTest {
  @TempDir(factory = MemoryTempDir.class) Path dir;

  @Test
  void migrateThenRollbackEveryRunLeavesTheTargetAsBeforeIncludingAnUpdatedPreExistingRow() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 120)) {
      UUID preExisting = fx.dataverse().seed("account", JsonNodeFactory.instance.objectNode()
          .put("name", "Contoso (kept)").put("telephone1", "555-0100"));
      Map<String, List<Map<String, Object>>> before = TargetSnapshot.of(fx);
      RunSummary load = fx.migrate("ana");
      assertNotEquals(before, TargetSnapshot.of(fx), "the load changed the target");
      long fixRun = fixUpRun(fx, preExisting);
      assertEquals("Contoso (migrated)", fx.dataverse().row("account", preExisting).orElseThrow().get("name").asText());

      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        Rollback rollback = rollback(ledger, target, fx, Rollback.Options.of("ana"));
        long loadRun = ledger.runs().get(0).id();
        RollbackRefused refused = assertThrows(RollbackRefused.class, () -> rollback.execute(loadRun));
        assertTrue(refused.getMessage().contains("in run " + fixRun), refused.getMessage());
        assertEquals(2, ledger.runs().size(), "a refused rollback starts no run");

        RollbackPlan dryRun = rollback.plan(fixRun);
        assertEquals(2, dryRun.restores(), "the pre-existing account and the load's account it changed");
        assertEquals(0, dryRun.deletes());
        assertTrue(dryRun.toText(false).contains("account: delete 0, restore 2"), dryRun.toText(false));

        List<Rollback.Result> results = rollback.executeAll();
        assertEquals(2, results.size());
        assertEquals(fixRun, results.get(0).rollbackRun().rollbackOf(), "newest run first");
        assertEquals(load.total(o -> o.created()), results.get(1).deleted(), results.get(1).toText());
        assertEquals(before, TargetSnapshot.of(fx), "the target is back to its state before the migration");
        assertEquals(RunStatus.ROLLED_BACK, ledger.run(loadRun).orElseThrow().status());
        assertEquals(0, ledger.history().standingCount("Company", "account"), "no write stands any more");
        String report = AuditReportFormat.text(AuditReport.read(ledger, OptionalLong.empty()));
        assertTrue(report.contains("run 4: rollback, completed (rollback of run 1)"), report);
        try (var source = fx.source()) {
          ReconcileReport reconciled = new Reconcile(fx.plan(), source, target, fx.targetSchema(), ledger,
              fx.owners(source, target), java.time.Clock.systemUTC()).run(true, 1);
          for (ReconcileReport.TableCheck t : reconciled.tables()) {
            assertEquals(0, t.ledgerCount(), reconciled.toText());
            assertEquals(t.expectedCount(), t.mismatchCount(), "every record is back to not loaded: " + t);
            assertTrue(t.mismatches().stream().allMatch(m -> m.kind() == ReconcileReport.Kind.NOT_LOADED));
          }
        }
      }
    }
  }

  @Test
  void aRollbackCrashedMidwayResumesAndFinishesAsOneRollbackRun() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 120)) {
      Map<String, List<Map<String, Object>>> before = TargetSnapshot.of(fx);
      fx.migrate("ana");
      int loaded = fx.dataverse().count("account") + fx.dataverse().count("contact");
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        long loadRun = ledger.runs().get(0).id();
        Rollback crashing = rollback(ledger, target, fx, Rollback.Options.of("ana").withBatchSize(5).withHook(batch -> {
          if (batch == 3) throw new IllegalStateException("killed before batch 3");
        }));
        assertThrows(IllegalStateException.class, () -> crashing.execute(loadRun));
        int left = fx.dataverse().count("account") + fx.dataverse().count("contact");
        assertEquals(loaded - 15, left, "three batches of five rows were deleted before the crash: " + loaded);
        Run open = ledger.unfinishedRuns().get(0);
        assertEquals(RunMode.ROLLBACK, open.mode());

        Rollback.Result resumed = rollback(ledger, target, fx, Rollback.Options.of("ana").withBatchSize(5))
            .execute(loadRun);
        assertTrue(resumed.resumed());
        assertEquals(open.id(), resumed.rollbackRun().id(), "the interrupted rollback run is the one finished");
        assertEquals(left, resumed.deleted(), "only what was left is deleted");
        assertEquals(before, TargetSnapshot.of(fx));
        assertEquals(2, ledger.runs().size(), "one load, one rollback");
      }
    }
  }

  @Test
  void contactsAreDeletedBeforeTheAccountsTheyPointTo() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 100)) {
      fx.migrate("ana");
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        RollbackPlan plan = rollback(ledger, target, fx, Rollback.Options.of("ana")).plan(ledger.runs().get(0).id());
        List<String> tables = plan.rows().stream().map(RowUndo::table).distinct().toList();
        assertEquals(List.of("contact", "account"), tables);
        assertFalse(plan.rows().isEmpty());
      }
    }
  }

  @Test
  void rollingBackToTheCheckpointAfterTheFirstTierKeepsTheAccountsAndClearsTheirParentLinks() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 100)) {
      fx.migrate("ana");
      int accounts = fx.dataverse().count("account");
      assertTrue(fx.dataverse().rows("account").stream().anyMatch(a -> a.hasNonNull("_parentaccountid_value")));
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        long loadRun = ledger.runs().get(0).id();
        long afterTier0 = ledger.checkpoints().stream().filter(c -> c.label().equals("after tier 0 of run " + loadRun))
            .findFirst().orElseThrow().seq();
        Rollback.Result result = rollback(ledger, target, fx, Rollback.Options.of("ana").toCheckpoint(afterTier0))
            .execute(loadRun);
        assertEquals(0, fx.dataverse().count("contact"), "the second tier's contacts are gone");
        assertEquals(accounts, fx.dataverse().count("account"), "the first tier's accounts stay");
        assertTrue(result.restored() > 0, result.toText());
        assertTrue(fx.dataverse().rows("account").stream().noneMatch(a -> a.hasNonNull("_parentaccountid_value")),
            "the parent links the second pass set are cleared again");
        assertEquals(RunStatus.COMPLETED, ledger.run(loadRun).orElseThrow().status(), "the run still stands");
      }
    }
  }

  /**
   * The deletes go as {@code $batch} requests of the connector's batch size (50), each rollback batch of 100
   * rows in two: about one request per 50 rows, where one request per row took the service-protection limit's
   * 6,000 requests per 5 minutes to 20 rows a second.
   */
  @Test
  void aRollbackSendsOneRequestPerChunkOfTheConnectorsBatchSizeNotOnePerRow() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 1000)) {
      Map<String, List<Map<String, Object>>> before = TargetSnapshot.of(fx);
      RunSummary load = fx.migrate("ana");
      long created = load.total(o -> o.created());
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        Rollback rollback = rollback(ledger, target, fx, Rollback.Options.of("ana"));
        long loadRun = ledger.runs().get(0).id();
        long tables = rollback.plan(loadRun).rows().stream().map(RowUndo::table).distinct().count();
        long sentBefore = fx.dataverse().stats().requests();
        Rollback.Result result = rollback.execute(loadRun);
        long sent = fx.dataverse().stats().requests() - sentBefore;

        assertEquals(created, result.deleted(), result.toText());
        assertTrue(created > 150, "enough rows to count: " + created);
        // Per table, its rows in rollback batches of 100, each batch in chunks of 50: at most one partial chunk more.
        assertTrue(sent <= (created + 49) / 50 + tables, sent + " requests for " + created + " rows in " + tables + " tables");
        assertEquals(before, TargetSnapshot.of(fx), "the target is back to its state before the migration");
      }
    }
  }

  private static Rollback rollback(Ledger ledger, DataverseTargetConnector target, MigratedFixture fx,
      Rollback.Options options) {
    return new Rollback(ledger, new DataverseRollbackTarget(target, fx.targetSchema()), UndoOrder.of(fx.plan()),
        options);
  }

  /**
   * A second run as a fix-up would write it through the ledger's protocol: it changes the pre-existing
   * account (keeping its before-image) and one account the load created.
   */
  private static long fixUpRun(MigratedFixture fx, UUID preExisting) throws IOException {
    try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
      Run run = ledger.startRun(RunMode.FULL, "ben", "sha256:fix-up");
      LedgerEntry created = ledger.history().standing("Company", "account", "", 1).get(0);
      UUID createdId = UUID.fromString(created.targetId());
      ObjectNode current = fx.dataverse().row("account", createdId).orElseThrow();
      Map<String, Object> createdBefore = new HashMap<>();
      createdBefore.put("telephone1", current.hasNonNull("telephone1") ? current.get("telephone1").asText() : null);
      RecordKey pre = new RecordKey("Company", "pre-existing", "account");
      ledger.intend(run.id(), List.of(
          new Intent(pre, WriteKind.UPDATE, preExisting.toString(), "sha256:x",
              ContentHash.canonicalJson(Map.of("name", "Contoso (kept)", "telephone1", "555-0100"))),
          new Intent(created.key(), WriteKind.UPDATE, created.targetId(), "sha256:y",
              ContentHash.canonicalJson(createdBefore))));
      target.write("account", List.of(
          new RowWrite("pre-existing", new RowAddress.ById(preExisting),
              Map.of("name", "Contoso (migrated)", "telephone1", "555-9999")),
          new RowWrite(created.key().sourceId(), new RowAddress.ById(createdId), Map.of("telephone1", "555-1234"))));
      ledger.settle(run.id(), List.of(new Outcome.Landed(pre, Operation.UPDATED, preExisting.toString(), null),
          new Outcome.Landed(created.key(), Operation.UPDATED, created.targetId(), null)));
      ledger.finishRun(run.id(), RunStatus.COMPLETED);
      return run.id();
    }
  }
}
