package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.exec.MigratedFixture;
import io.fmap.runtime.exec.ObjectSummary;
import io.fmap.runtime.exec.RunSummary;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load that meets accounts the org already had (same account number as the Spark id, the plan's
 * alternate key) updates them; rollback puts each one back exactly as it was, refuses the one someone
 * edited in Dynamics after the run, and the load can run again afterwards.
 */
class PreExistingRowsRollbackTest {
  private static final int PRE_EXISTING = 4;

  @TempDir(factory = MemoryTempDir.class) Path dir;

  @Test
  void rollbackRestoresUpdatedPreExistingRowsRefusesOneEditedSinceAndTheLoadRunsAgain() throws Exception {
    try (MigratedFixture fx = MigratedFixture.keyedByAccountNumber(dir, 120)) {
      List<UUID> preExisting = seedAccountsTheOrgAlreadyHas(fx);
      Map<String, List<Map<String, Object>>> before = TargetSnapshot.of(fx);

      RunSummary load = fx.migrate("ana");
      long updated = load.total(ObjectSummary::updated);
      assertTrue(updated >= PRE_EXISTING, "the pre-existing accounts were updated, not duplicated: " + load.toText());
      assertEquals(0, fx.dataverse().rows("account").stream()
          .filter(a -> a.path("name").asText().startsWith("Org's own")).count(),
          () -> "every pre-existing account now carries the Spark name: " + load.toText());
      UUID edited = preExisting.get(0);
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        LedgerEntry entry = ledger.history().lastLanded(List.of(new RecordKey("Company", sparkIdOf(fx, edited),
            "account"))).values().iterator().next();
        assertEquals(edited.toString(), entry.targetId(), "the ledger holds the pre-existing row's own id");
        assertTrue(entry.beforeImage().contains("Org's own"), "its before-image: " + entry.beforeImage());
        assertTrue(entry.targetVersion() != null && entry.targetVersion().startsWith("W/"), entry.toString());

        // Someone changes one of them in Dynamics after the run.
        target.write("account", List.of(new RowWrite("edit", new RowAddress.ById(edited),
            Map.of("telephone1", "555-EDITED"))));

        long loadRun = load.runId();
        Rollback.Result refused = rollback(ledger, target, fx, Rollback.Options.of("ana")).execute(loadRun);
        assertEquals(1, refused.failed().size(), refused.toText());
        Rollback.Failure failure = refused.failed().get(0);
        assertEquals(edited, failure.id());
        assertEquals(RollbackTarget.CHANGED_IN_TARGET, failure.code());
        assertTrue(failure.message().contains("changed in the target after the run"), failure.message());
        assertEquals(PRE_EXISTING - 1, refused.restored(), refused.toText());
        assertEquals("555-EDITED", fx.dataverse().row("account", edited).orElseThrow().get("telephone1").asText(),
            "the edit made after the run is not overwritten");
        assertEquals(RunStatus.ABORTED, refused.rollbackRun().status());
        assertEquals(RunStatus.COMPLETED, ledger.run(loadRun).orElseThrow().status(), "the load still stands");

        Rollback.Result forced = rollback(ledger, target, fx, Rollback.Options.of("ana").forced()).execute(loadRun);
        assertEquals(List.of(), forced.failed(), forced.toText());
        assertEquals(1, forced.restored(), "only the refused row was left to put back");
        assertEquals(before, TargetSnapshot.of(fx), "every pre-existing account is exactly as it was");
        assertEquals(RunStatus.ROLLED_BACK, ledger.run(loadRun).orElseThrow().status());
      }

      RunSummary again = fx.migrate("ana");
      assertEquals(load.total(ObjectSummary::created), again.total(ObjectSummary::created), again.toText());
      assertEquals(updated, again.total(ObjectSummary::updated), again.toText());
      assertNotEquals(before, TargetSnapshot.of(fx), "the re-run loaded again");
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        Rollback.Result second = rollback(ledger, target, fx, Rollback.Options.of("ana")).execute(again.runId());
        assertEquals(List.of(), second.failed(), second.toText());
        assertEquals(before, TargetSnapshot.of(fx), "the re-run's rollback ends at the same pre-migration state");
      }
    }
  }

  @Test
  void aRowTheRunCreatedAndSomeoneEditedSinceIsDeletedOnlyWhenForced() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 100)) {
      RunSummary load = fx.migrate("ana");
      UUID created = UUID.fromString(fx.dataverse().rows("account").get(0).path("accountid").asText());
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        target.write("account", List.of(new RowWrite("edit", new RowAddress.ById(created),
            Map.of("telephone1", "555-ADDED-BY-HAND"))));

        Rollback.Result refused = rollback(ledger, target, fx, Rollback.Options.of("ana")).execute(load.runId());
        assertEquals(1, refused.failed().size(), refused.toText());
        assertEquals(created, refused.failed().get(0).id());
        assertEquals(RollbackTarget.CHANGED_IN_TARGET, refused.failed().get(0).code());
        assertTrue(refused.failed().get(0).message().contains("not deleted"), refused.failed().get(0).message());
        assertEquals(List.of(created.toString()), fx.dataverse().rows("account").stream()
            .map(a -> a.path("accountid").asText()).toList(), "only the edited row is left, with its edit");

        Rollback.Result forced = rollback(ledger, target, fx, Rollback.Options.of("ana").forced()).execute(load.runId());
        assertEquals(List.of(), forced.failed(), forced.toText());
        assertEquals(0, fx.dataverse().count("account"), forced.toText());
      }
    }
  }

  /** Accounts whose account number is a Spark company's id, with values of their own (and the app user as owner). */
  private static List<UUID> seedAccountsTheOrgAlreadyHas(MigratedFixture fx) {
    List<UUID> ids = new ArrayList<>();
    try (SourceConnector source = fx.source(); Stream<SourceRecord> companies = source.records("Company", null, b -> { })) {
      // The generator plants companies that are refused (no name, names and URLs too long): not updated.
      for (SourceRecord company : companies.filter(c -> c.get("name") != null && fits(c.get("name"), 160)
          && fits(c.get("website"), 200)).limit(PRE_EXISTING).toList()) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("accountnumber", company.id())
            .put("name", "Org's own " + company.id()).put("telephone1", "555-01" + ids.size())
            .put("description", "kept by the customer");
        ids.add(fx.dataverse().seed("account", row));
      }
    }
    return ids;
  }

  private static boolean fits(Object value, int max) {
    return value == null || value.toString().length() <= max;
  }

  private static String sparkIdOf(MigratedFixture fx, UUID account) {
    return fx.dataverse().row("account", account).orElseThrow().get("accountnumber").asText();
  }

  private static Rollback rollback(Ledger ledger, DataverseTargetConnector target, MigratedFixture fx,
      Rollback.Options options) {
    return new Rollback(ledger, new DataverseRollbackTarget(target, fx.targetSchema()), UndoOrder.of(fx.plan()),
        options);
  }
}
