package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.Association;
import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.Intent;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerLocation;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.Outcome;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.WriteKind;
import io.fmap.runtime.source.InMemorySource;
import io.fmap.runtime.target.Link;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.runtime.target.WriteResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The many-to-many phase: both landed rows linked once, through the ledger, also across a kill and a rerun. */
class AssociationPassTest {
  private static final Association PROJECT_CONTACTS = new Association("fmap_project_contact", "Project",
      "fmap_project", "fmap_project_contact", "contact_ids", "Contact", "contact",
      new FmapLocation("mappings/project.fmap", 14));
  private static final UUID PROJECT = UUID.nameUUIDFromBytes("prj-1".getBytes());
  private static final UUID CONTACT_1 = UUID.nameUUIDFromBytes("con-1".getBytes());
  private static final UUID CONTACT_2 = UUID.nameUUIDFromBytes("con-2".getBytes());

  @TempDir(factory = MemoryTempDir.class) Path dir;
  private final List<Link> sent = new ArrayList<>();

  @Test
  void linksLandOnceAcrossAKillTheResumeAndALaterRun() throws java.io.IOException {
    try (Ledger ledger = Ledger.open(LedgerLocation.sqliteFile(dir.resolve("ledger.db")))) {
      long run = ledger.startRun(RunMode.FULL, "test", "plan").id();
      landed(ledger, run, new RecordKey("Project", "prj-1", "fmap_project"), PROJECT);
      landed(ledger, run, new RecordKey("Contact", "con-1", "contact"), CONTACT_1);
      landed(ledger, run, new RecordKey("Contact", "con-2", "contact"), CONTACT_2);
      // con-3 became a lead: it has no contact row to link.

      FaultHook killAtSettle = step -> {
        if (step == FaultHook.Step.SETTLE) throw new IllegalStateException("killed");
      };
      assertThrows(IllegalStateException.class, () -> pass(ledger, run, killAtSettle).run(PROJECT_CONTACTS));
      assertEquals(2, sent.size(), "both links were sent before the kill");
      RecordKey link1 = new RecordKey("Project~fmap_project_contact", "prj-1→con-1", "fmap_project");
      assertTrue(ledger.entry(run, link1).orElseThrow().inDoubt());

      pass(ledger, run, FaultHook.NONE).run(PROJECT_CONTACTS);
      assertEquals(4, sent.size(), "the in-doubt links are sent again: linking twice is harmless");
      assertEquals(new HashSet<>(List.of(List.of(PROJECT, CONTACT_1), List.of(PROJECT, CONTACT_2))), pairs());
      assertEquals(Operation.UPDATED, ledger.entry(run, link1).orElseThrow().outcome());
      assertEquals(Operation.SKIPPED, ledger.entry(run, new RecordKey("Project~fmap_project_contact", "prj-1→con-3",
          "fmap_project")).orElseThrow().outcome());

      pass(ledger, run, FaultHook.NONE).run(PROJECT_CONTACTS);
      assertEquals(4, sent.size(), "what landed in the run is never sent again");

      long later = ledger.startRun(RunMode.FULL, "test", "plan").id();
      pass(ledger, later, FaultHook.NONE).run(PROJECT_CONTACTS);
      assertEquals(4, sent.size(), "a later run skips links an earlier run made");
      assertEquals(Operation.SKIPPED, ledger.entry(later, link1).orElseThrow().outcome());
    }
  }

  private HashSet<List<UUID>> pairs() {
    HashSet<List<UUID>> pairs = new HashSet<>();
    sent.forEach(l -> pairs.add(List.of(l.id(), l.otherId())));
    return pairs;
  }

  private static void landed(Ledger ledger, long run, RecordKey key, UUID id) {
    ledger.intend(run, List.of(new Intent(key, WriteKind.UPSERT, id.toString(), "h", null)));
    ledger.settle(run, List.of(new Outcome.Landed(key, Operation.CREATED, id.toString(), null)));
  }

  private AssociationPass pass(Ledger ledger, long run, FaultHook hook) {
    return new AssociationPass(ledger, oneProject(), new LinkRecorder(), hook, 10, run);
  }

  /** A source with one project linked to three contacts (one listed twice); the pass reads projects only. */
  private static InMemorySource oneProject() {
    return new InMemorySource(object -> {
      assertEquals("Project", object);
      return List.of(new SourceRecord("Project", "prj-1", Map.of("contact_ids", List.of("con-1", "con-2", "con-3", "con-1"))));
    });
  }

  /** A target that records the links it is asked to make; each is made (or was there already). */
  private final class LinkRecorder implements TargetConnector {
    @Override
    public List<WriteResult> associate(String table, String nav, String otherTable, List<Link> links) {
      assertEquals(List.of("fmap_project", "fmap_project_contact", "contact"), List.of(table, nav, otherTable));
      sent.addAll(links);
      return links.stream().map(l -> WriteResult.written(l.label(), l.id(), 204)).toList();
    }

    @Override public List<WriteResult> write(String table, List<RowWrite> rows) { throw unused(); }

    @Override public List<WriteResult> writeRows(String table, List<TargetRow> rows) { throw unused(); }

    @Override public List<WriteResult> changeState(String table, List<TargetRow> rows) { throw unused(); }

    @Override public long count(String table) { throw unused(); }

    @Override
    public List<java.util.Optional<io.fmap.runtime.target.CurrentRow>> current(String table, List<TargetRow> rows) {
      throw unused();
    }

    @Override
    public Map<UUID, io.fmap.runtime.target.CurrentRow> rows(String table, List<UUID> ids, List<String> columns) {
      throw unused();
    }

    @Override
    public void read(String table, List<String> columns, String filter, Consumer<Map<String, Object>> sink) {
      throw unused();
    }

    @Override public void close() { }

    private UnsupportedOperationException unused() {
      return new UnsupportedOperationException("the association pass only associates");
    }
  }
}
