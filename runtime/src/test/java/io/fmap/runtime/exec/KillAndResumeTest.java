package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.Faults;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.target.TargetConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a load at seeded points (while announcing, mid-send with half a batch sent, before
 * confirming, at a checkpoint, before finishing) and resumes it: the target ends exactly as after
 * an uninterrupted run, the ledger holds one completed run, and nothing the ledger knew had landed
 * was sent again. Likewise a target that throttles and fails 5% of its requests loses no row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillAndResumeTest {
  private static final int KILL_POINTS = 10;
  @TempDir static Path dir;
  private LoadFixture fixture;
  private Expected expected;
  private int sideEffects;

  /** What an uninterrupted run leaves behind. */
  private record Expected(int accounts, int contacts, long parents, long created, long failed, long quarantined) {}

  @BeforeAll
  void uninterruptedRun() throws Exception {
    fixture = new LoadFixture(dir, 300, Limits.none());
    KillSwitch counter = new KillSwitch(0);
    RunSummary summary = load(counter);
    sideEffects = counter.calls();
    expected = observed(summary);
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

  private static LoadExecutor.Options options() {
    return LoadExecutor.Options.full("test").withBatchSize(20).withParallelism(3);
  }

  private Expected observed(RunSummary summary) {
    long parents = fixture.dataverse.rows("account").stream().filter(a -> a.hasNonNull("_parentaccountid_value")).count();
    return new Expected(fixture.dataverse.count("account"), fixture.dataverse.count("contact"), parents,
        summary.total(ObjectSummary::created), summary.total(ObjectSummary::failed),
        summary.total(ObjectSummary::quarantined));
  }

  @Test
  void aRunKilledAtAnySeededPointResumesToTheSameEndWithoutResendingWhatLanded() throws IOException {
    assertTrue(sideEffects > 20, "enough side effects to kill at: " + sideEffects);
    Random seeds = new Random(20261129);
    for (int i = 0; i < KILL_POINTS; i++) {
      int killAt = 1 + seeds.nextInt(sideEffects);
      fixture.dataverse.reset();
      deleteLedger();
      KillSwitch kill = new KillSwitch(killAt);
      try {
        load(kill);
      } catch (RuntimeException expectedKill) {
        // the kill stops the run; what matters is the state it left
      }
      assertTrue(kill.killed(), "kill point " + killAt + " was reached");
      Set<RecordKey> landedBeforeResume = landed(kill.sent);
      KillSwitch resume = new KillSwitch(0);
      RunSummary summary = load(resume);
      String where = "killed at side effect " + killAt + " of " + sideEffects;
      assertTrue(summary.resumed(), where);
      Set<RecordKey> resent = new HashSet<>(resume.sent);
      resent.retainAll(landedBeforeResume);
      assertEquals(Set.of(), resent, where + ": rows the ledger knew had landed were sent again");
      assertEquals(expected, observed(summary), where);
      try (Ledger ledger = fixture.ledger()) {
        assertEquals(1, ledger.runs().size(), where);
        assertEquals(RunStatus.COMPLETED, ledger.runs().get(0).status(), where);
      }
    }
  }

  @Test
  void aThrottledAndFaultyTargetLosesNoRow() throws IOException {
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
          summary = load(new KillSwitch(0));
        } catch (LoadException stopped) {
          assertTrue(stopped.getMessage().contains("run the same command again"), stopped.getMessage());
        }
      }
      assertTrue(summary != null, "the run completed within 6 attempts");
      assertEquals(expected, observed(summary));
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
