package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.emulator.dataverse.Faults;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.target.TargetConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a load at more than 20 seeded points — while announcing, after announcing but before the target
 * answered, in the middle of a send (half a batch sent), after the target answered but before the
 * answers were recorded, while setting records aside, at a checkpoint, before finishing — and resumes
 * it: the target ends exactly as after an uninterrupted run, every target row is the one row of one
 * source record, the ledger holds one completed run with nothing in doubt, and nothing the ledger
 * knew had landed was sent again. Likewise a target that throttles and fails 5% of its requests
 * loses no row and duplicates none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillAndResumeTest {
  /** Kill points per kind (at most as many as the run reaches: one FINISH); the mid-batch kinds weigh most. */
  private static final Map<KillSwitch.Point, Integer> KILLS = new LinkedHashMap<>();

  static {
    KILLS.put(KillSwitch.Point.INTEND, 3);
    KILLS.put(KillSwitch.Point.SEND, 6);
    KILLS.put(KillSwitch.Point.MID_SEND, 4);
    KILLS.put(KillSwitch.Point.SETTLE, 6);
    KILLS.put(KillSwitch.Point.SET_ASIDE, 2);
    KILLS.put(KillSwitch.Point.CHECKPOINT, 2);
    KILLS.put(KillSwitch.Point.FINISH, 1);
  }

  private static final Map<String, String> SOURCE_OF = Map.of("account", "Company", "contact", "Contact");

  @TempDir(factory = MemoryTempDir.class) static Path dir;
  private LoadFixture fixture;
  private Expected expected;
  private KillSwitch uninterrupted;

  /** What an uninterrupted run leaves behind. */
  private record Expected(int accounts, int contacts, long parents, long created, long failed, long quarantined) {}

  @BeforeAll
  void uninterruptedRun() throws Exception {
    fixture = new LoadFixture(dir, 100, Limits.none());
    uninterrupted = KillSwitch.counting();
    RunSummary summary = load(uninterrupted);
    expected = observed(summary);
    assertConsistent("the uninterrupted run", summary);
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private RunSummary load(KillSwitch kill) {
    try (TargetConnector target = kill.target(fixture.target(10))) {
      return fixture.load(options().withHook(kill), target);
    }
  }

  /** Small batches: many batches, and so many points to kill at, from little data. */
  private static LoadExecutor.Options options() {
    return LoadExecutor.Options.full("test").withBatchSize(5).withParallelism(3);
  }

  private Expected observed(RunSummary summary) {
    long parents = fixture.dataverse.rows("account").stream().filter(a -> a.hasNonNull("_parentaccountid_value")).count();
    return new Expected(fixture.dataverse.count("account"), fixture.dataverse.count("contact"), parents,
        summary.total(ObjectSummary::created), summary.total(ObjectSummary::failed),
        summary.total(ObjectSummary::quarantined));
  }

  @TestFactory
  Stream<DynamicTest> aRunKilledAtAnySeededPointResumesToTheSameEndWithoutResendingWhatLanded() {
    Random seeds = new Random(20261129);
    List<DynamicTest> tests = new ArrayList<>();
    KILLS.forEach((point, count) -> {
      int reached = uninterrupted.reached(point);
      assertTrue(reached >= 1, "the uninterrupted run reached " + point);
      List<Integer> occurrences = new ArrayList<>();
      for (int n = 1; n <= reached; n++) occurrences.add(n);
      Collections.shuffle(occurrences, seeds);
      // Fewer points of a kind than asked for (one FINISH, two checkpoints): each is killed at once.
      for (int occurrence : occurrences.subList(0, Math.min(count, reached))) {
        tests.add(DynamicTest.dynamicTest("killed at " + point + " #" + occurrence + " of " + reached,
            () -> killAndResume(point, occurrence)));
      }
    });
    assertTrue(tests.size() > 20, "more than 20 kill points: " + tests.size() + " of " + KILLS);
    return tests.stream();
  }

  private void killAndResume(KillSwitch.Point point, int occurrence) throws IOException {
    fixture.dataverse.reset();
    deleteLedger();
    String where = "killed at " + point + " #" + occurrence;
    KillSwitch kill = new KillSwitch(point, occurrence);
    try {
      load(kill);
    } catch (RuntimeException expectedKill) {
      // the kill stops the run; what matters is the state it left
    }
    assertTrue(kill.killed(), where + " was reached");
    Set<RecordKey> landedBeforeResume = landed(kill.sent);
    KillSwitch resume = KillSwitch.counting();
    RunSummary summary = load(resume);
    assertTrue(summary.resumed(), where);
    Set<RecordKey> resent = new HashSet<>(resume.sent);
    resent.retainAll(landedBeforeResume);
    assertEquals(Set.of(), resent, where + ": rows the ledger knew had landed were sent again");
    assertEquals(expected, observed(summary), where);
    assertConsistent(where, summary);
  }

  /**
   * One completed run, nothing in doubt, and per table a one-to-one match between source records and
   * target rows: each source id has one standing write, and their target ids are exactly the table's rows.
   */
  private void assertConsistent(String where, RunSummary summary) {
    assertEquals(0, summary.total(ObjectSummary::inDoubt), where + ": writes left in doubt");
    try (Ledger ledger = fixture.ledger()) {
      assertEquals(1, ledger.runs().size(), where);
      assertEquals(RunStatus.COMPLETED, ledger.runs().get(0).status(), where);
      for (Map.Entry<String, String> table : SOURCE_OF.entrySet()) {
        List<LedgerEntry> standing = ledger.history().standing(table.getValue(), table.getKey(), "", 100_000);
        Set<String> sourceIds = standing.stream().map(e -> e.key().sourceId()).collect(Collectors.toSet());
        List<String> targetIds = standing.stream().map(LedgerEntry::targetId).toList();
        assertEquals(standing.size(), sourceIds.size(), where + ": one standing write per source record");
        assertEquals(targetIds.size(), new HashSet<>(targetIds).size(), where + ": two records share a target row");
        Set<String> rows = fixture.dataverse.rows(table.getKey()).stream()
            .map((ObjectNode row) -> row.get(table.getKey() + "id").asText()).collect(Collectors.toSet());
        assertEquals(rows, new HashSet<>(targetIds), where + ": the " + table.getKey()
            + " rows are exactly the rows the ledger says were written, one per source record");
      }
    }
  }

  @Test
  void aThrottledAndFaultyTargetLosesNoRowAndDuplicatesNone() throws IOException {
    fixture.dataverse.reset();
    deleteLedger();
    fixture.dataverse.limits(Limits.strict().withWindow(java.time.Duration.ofSeconds(1)).withRequests(5)
        .withConcurrent(3));
    // 5% random faults, and a few scripted ones so that even this small load surely meets each kind.
    fixture.dataverse.faults().random(0.05, 42).slowMillis(50)
        .script(4, Faults.Kind.ERROR_500).script(7, Faults.Kind.DROP_CONNECTION).script(11, Faults.Kind.ERROR_503);
    try {
      RunSummary summary = null;
      // A request that still fails after the connector's retries stops the run; running again resumes it.
      for (int attempt = 0; attempt < 6 && summary == null; attempt++) {
        try {
          summary = load(KillSwitch.counting());
        } catch (LoadException stopped) {
          assertTrue(stopped.getMessage().contains("run the same command again"), stopped.getMessage());
        }
      }
      assertTrue(summary != null, "the run completed within 6 attempts");
      assertEquals(expected, observed(summary));
      assertConsistent("throttled and faulty", summary);
      var stats = fixture.dataverse.stats();
      assertTrue(stats.throttled() > 0 && stats.faults() > 0, "the target throttled and failed: " + stats);
    } finally {
      fixture.dataverse.faults().clear();
      fixture.dataverse.limits(Limits.none());
    }
  }

  private Set<RecordKey> landed(Set<RecordKey> keys) {
    Set<RecordKey> landed = new HashSet<>();
    try (Ledger ledger = fixture.ledger()) {
      long run = ledger.runs().get(0).id();
      for (RecordKey key : keys) {
        ledger.entry(run, key).filter(e -> e.outcome() != null && e.outcome().landed()).ifPresent(e -> landed.add(key));
      }
    }
    return landed;
  }

  private void deleteLedger() throws IOException {
    for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
      Files.deleteIfExists(dir.resolve("ledger.db" + suffix));
    }
  }
}
