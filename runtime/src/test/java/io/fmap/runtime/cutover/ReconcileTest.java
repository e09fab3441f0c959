package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.cutover.ReconcileReport.Kind;
import io.fmap.runtime.cutover.ReconcileReport.Mismatch;
import io.fmap.runtime.cutover.ReconcileReport.TableCheck;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.exec.MigratedFixture;
import io.fmap.runtime.exec.ObjectSummary;
import io.fmap.runtime.exec.RunSummary;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One load, checked as it is, then tampered with (last, so that the other tests see the load as it landed). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileTest {
  @TempDir(factory = MemoryTempDir.class) static Path dir;
  private MigratedFixture fx;
  private RunSummary load;

  @BeforeAll
  void migrate() throws Exception {
    fx = new MigratedFixture(dir, 150);
    load = fx.migrate("ana");
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  private ReconcileReport reconcile(boolean full) throws Exception {
    try (SourceConnector source = fx.source(); DataverseTargetConnector target = fx.target(); Ledger ledger = fx.ledger()) {
      return new Reconcile(fx.plan(), source, target, fx.targetSchema(), ledger, fx.owners(source, target),
          Clock.systemUTC()).run(full, 4);
    }
  }

  private static TableCheck table(ReconcileReport report, String table) {
    return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
  }

  @Test
  @Order(1)
  void afterALoadOnlyTheRecordsTheTargetRefusedAreMissingAndEveryValueMatches() throws Exception {
    ReconcileReport report = reconcile(true);
    long failed = load.total(ObjectSummary::failed);
    assertTrue(failed > 0, "the generated data has rows the target refuses");
    List<Mismatch> all = report.tables().stream().flatMap(t -> t.mismatches().stream()).toList();
    assertEquals(failed, all.stream().filter(m -> m.kind() == Kind.NOT_LOADED).count(), report.toText());
    assertEquals(all.size(), all.stream().filter(m -> m.kind() == Kind.NOT_LOADED).count(), report.toText());
    TableCheck accounts = table(report, "account");
    assertEquals(accounts.expectedCount(), accounts.ledgerCount() + accounts.mismatchCount());
    assertEquals(accounts.ledgerCount(), accounts.compared(), "full compares every loaded row");
    assertTrue(accounts.checksums().stream().allMatch(ReconcileReport.ColumnChecksum::matches), report.toText());
    assertFalse(report.clean(), "refused rows are a mismatch: exit 1");
    assertEquals(report.toJson(), reconcile(true).toJson(), "deterministic");
  }

  @Test
  @Order(3)
  void aChangedValueAndADeletedRowAreListedWithSourceAndTargetIds() throws Exception {
    LedgerEntry changed;
    LedgerEntry deleted;
    try (Ledger ledger = fx.ledger()) {
      List<LedgerEntry> accounts = ledger.history().standing("Company", "account", "", 2);
      changed = accounts.get(0);
      deleted = ledger.history().standing("Contact", "contact", "", 1).get(0);
    }
    var loadedPhone = fx.dataverse().row("account", UUID.fromString(changed.targetId())).orElseThrow().get("telephone1");
    String phone = loadedPhone == null || loadedPhone.isNull() ? "null" : loadedPhone.asText();
    try (DataverseTargetConnector target = fx.target()) {
      target.write("account", List.of(new RowWrite(changed.key().sourceId(),
          new RowAddress.ById(UUID.fromString(changed.targetId())), Map.of("telephone1", "000-TAMPERED"))));
      new DataverseRollbackTarget(target, fx.targetSchema()).delete("contact",
          List.of(new RollbackTarget.Removal(UUID.fromString(deleted.targetId()), null)));
    }
    ReconcileReport report = reconcile(true);
    TableCheck accounts = table(report, "account");
    assertTrue(accounts.mismatches().contains(new Mismatch(Kind.VALUE, changed.key().sourceId(), changed.targetId(),
        "telephone1", phone, "000-TAMPERED")),
        report.toText());
    assertTrue(accounts.checksums().stream().anyMatch(c -> c.column().equals("telephone1") && !c.matches()));
    assertTrue(table(report, "contact").mismatches().contains(new Mismatch(Kind.MISSING_IN_TARGET,
        deleted.key().sourceId(), deleted.targetId(), null, null, null)), report.toText());
    assertTrue(report.toText().contains("value " + changed.key().sourceId() + " -> " + changed.targetId()
        + " telephone1"), report.toText());
    assertTrue(report.toHtml().contains("000-TAMPERED"));
  }

  @Test
  @Order(2)
  void aSampledReconcileComparesFewerRowsButChecksPresenceOfAll() throws Exception {
    ReconcileReport sampled = reconcile(false);
    ReconcileReport full = reconcile(true);
    TableCheck s = table(sampled, "contact");
    TableCheck f = table(full, "contact");
    assertTrue(s.compared() < f.compared() && s.compared() > 0, s.compared() + " of " + f.compared());
    assertEquals(f.expectedCount(), s.expectedCount());
    assertEquals(f.mismatches().stream().filter(m -> m.kind() != Kind.VALUE).count(),
        s.mismatches().stream().filter(m -> m.kind() != Kind.VALUE).count());
  }
}
