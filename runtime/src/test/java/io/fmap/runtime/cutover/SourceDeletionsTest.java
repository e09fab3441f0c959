package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.exec.MigratedFixture;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.ledger.WriteKind;
import io.fmap.runtime.source.SourceConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fmap delta --apply-deletes}: records gone from the source are deleted in the target as a run
 * of their own, each delete with the row's before-image, so rolling that run back brings every row back.
 */
class SourceDeletionsTest {
  /** A restored row is created again: Dataverse gives it a new {@code createdon}, as it would here. */
  private static final List<String> RECREATED = List.of("createdon");

  @TempDir(factory = MemoryTempDir.class) Path dir;

  @Test
  void rowsOfRecordsDeletedInTheSourceAreDeletedWithBeforeImagesAndRollbackBringsThemBack() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 120)) {
      fx.migrate("ana");
      Set<String> removed = someLoadedContacts(fx, 5);
      Map<String, List<Map<String, Object>>> beforeDeletes = TargetSnapshot.of(fx, RECREATED);
      int contacts = fx.dataverse().count("contact");

      try (SourceConnector spark = fx.source(); DataverseTargetConnector target = fx.target(); Ledger ledger = fx.ledger()) {
        // The source as it is after the customer deleted those contacts in Spark.
        SourceConnector source = DeltaView.excluding(spark, Map.of("Contact", removed));
        Delta.Result delta = new Delta(fx.plan(), source, target, fx.targetSchema(), ledger)
            .run(Delta.Policy.REPORT, view -> fx.delta("ana", view));
        assertEquals(removed, delta.deletedInSource().stream().map(RecordKey::sourceId)
            .collect(Collectors.toCollection(TreeSet::new)), delta.toText());
        assertEquals(contacts, fx.dataverse().count("contact"), "without --apply-deletes nothing is deleted");

        SourceDeletions.Result deleted = new SourceDeletions(ledger, target,
            new DataverseRollbackTarget(target, fx.targetSchema()), fx.targetSchema(), UndoOrder.of(fx.plan()))
            .apply(delta.deletedInSource(), "ana", fx.plan().hash());
        assertEquals(removed.size(), deleted.deleted(), deleted.toText());
        assertEquals(List.of(), deleted.failed());
        assertEquals(RunStatus.COMPLETED, deleted.run().status());
        assertEquals(contacts - removed.size(), fx.dataverse().count("contact"));
        List<LedgerEntry> undoable = ledger.history().undoable(deleted.run().id(), 0, Long.MAX_VALUE, 100);
        assertEquals(removed.size(), undoable.size());
        assertTrue(undoable.stream().allMatch(e -> e.kind() == WriteKind.DELETE && e.beforeImage() != null
            && e.beforeImage().contains("lastname")), "each delete keeps the row's columns: " + undoable.get(0));
        assertEquals(0, ledger.history().standingCount("Contact", "contact") - (contacts - removed.size()),
            "the deleted records no longer stand");

        Rollback.Result restored = new Rollback(ledger, new DataverseRollbackTarget(target, fx.targetSchema()),
            UndoOrder.of(fx.plan()), Rollback.Options.of("ana")).execute(deleted.run().id());
        assertEquals(removed.size(), restored.restored(), restored.toText());
        Map<String, List<Map<String, Object>>> after = TargetSnapshot.of(fx, RECREATED);
        assertEquals(beforeDeletes, after, () -> "every deleted row is back, under its own id:\n"
            + TargetSnapshot.difference(beforeDeletes, after));
      }
    }
  }

  private static Set<String> someLoadedContacts(MigratedFixture fx, int n) {
    Set<String> ids = new TreeSet<>();
    try (Ledger ledger = fx.ledger(); SourceConnector source = fx.source();
        Stream<SourceRecord> records = source.records("Contact", null, bad -> { })) {
      for (SourceRecord r : (Iterable<SourceRecord>) records::iterator) {
        RecordKey key = new RecordKey("Contact", r.id(), "contact");
        LedgerEntry landed = ledger.history().lastLanded(List.of(key)).get(key);
        if (landed != null && UUID.fromString(landed.targetId()) != null) ids.add(r.id());
        if (ids.size() == n) break;
      }
    }
    return ids;
  }
}
