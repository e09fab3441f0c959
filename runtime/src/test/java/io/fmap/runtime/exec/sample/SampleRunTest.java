package io.fmap.runtime.exec.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.exec.ConnectorDirectory;
import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.exec.LoadFixture;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Sample, migrate and diff against both emulators with the hand-written plan. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRunTest {
  @TempDir(factory = MemoryTempDir.class) static Path dir;
  private LoadFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new LoadFixture(dir, 400, Limits.none());
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private SampleRun.Result sample(int size, long seed) {
    try (SourceConnector source = fixture.source(); TargetConnector target = fixture.target(50);
         Ledger ledger = fixture.ledger()) {
      List<SourceUser> users = fixture.sourceUsers(source);
      OwnerResolver owners = OwnerResolver.create(users, new ConnectorDirectory(target),
          FallbackRule.parse("team:" + LoadFixture.FALLBACK_TEAM));
      return new SampleRun(fixture.plan, source, target, fixture.targetSchema, ledger)
          .run(size, seed, owners, users, LoadExecutor.Options.full("sample-test").withBatchSize(25));
    }
  }

  @Test
  void aSampleLandsAsMappedThenReportsExactlyTheCorruptedFieldAndARerunDuplicatesNothing() throws Exception {
    SampleRun.Result first = sample(60, 11);
    SampleDiff diff = first.diff();
    List<RecordDiff> compared = diff.records().stream().filter(r -> r.problem() == null).toList();
    assertTrue(compared.size() >= 50, diff.toText());
    assertTrue(compared.stream().noneMatch(RecordDiff::differs), diff.toText());
    // Every landed row was compared; the ones that did not land are the load's quarantined records.
    // The parent link left out of the sampled 2 <-> 3 loop is no record: its row landed and is compared.
    long notLanded = diff.records().size() - compared.size();
    assertEquals(first.load().total(o -> o.quarantined() + o.failed())
        - io.fmap.runtime.exec.ParentLoops.leftOutLinks(first.load().errors()), notLanded, first.load().toText());
    assertTrue(diff.countsByTable().get("contact").count(FieldStatus.EQUAL) > 0, diff.toText());
    assertTrue(diff.countsByTable().get("contact").count(FieldStatus.TRANSFORMED) > 0, diff.toText());

    RecordDiff victim = compared.stream().filter(r -> r.table().equals("contact")
        && r.fields().stream().anyMatch(f -> f.column().equals("lastname"))).findFirst().orElseThrow();
    try (TargetConnector target = fixture.target(50)) {
      target.write("contact", List.of(new RowWrite(victim.source().id(),
          new RowAddress.ById(UUID.fromString(victim.targetId())), Map.of("lastname", "Corrupted <b>&"))));
    }
    int contacts = fixture.dataverse.count("contact");
    int accounts = fixture.dataverse.count("account");

    SampleRun.Result again = sample(60, 11);
    System.out.println(again.selection().toText() + again.diff().toText());
    assertEquals(first.selection(), again.selection());
    // The rerun upserts by the same keys: nothing new, and the unchanged rows are skipped, so the
    // corruption made outside fmap is still there for the diff to find.
    assertEquals(contacts, fixture.dataverse.count("contact"));
    assertEquals(accounts, fixture.dataverse.count("account"));
    List<String> differing = again.diff().records().stream().flatMap(r -> r.fields().stream()
        .filter(f -> f.status() == FieldStatus.DIFFERS).map(f -> r.source() + " " + f.column() + " " + f.actual()))
        .toList();
    assertEquals(List.of(victim.source() + " lastname Corrupted <b>&"), differing, again.diff().toText());
    assertTrue(again.diff().toText().contains("lastname: expected '"), again.diff().toText());

    Path html = SampleDiffHtml.write(again.diff(), dir.resolve("report"));
    String page = java.nio.file.Files.readString(html);
    assertTrue(page.contains("Corrupted &lt;b&gt;&amp;"), "escaped");
    assertFalse(page.contains("<b>"), "no markup from data");
    assertFalse(page.matches("(?s).*(src=|href=|@import|url\\().*"), "no external resources");
  }

  @Test
  void theSampleRunIsMarkedAsASampleInTheLedger() {
    SampleRun.Result result = sample(10, 4);
    try (Ledger ledger = fixture.ledger()) {
      assertEquals(io.fmap.runtime.ledger.RunMode.SAMPLE, ledger.run(result.load().runId()).orElseThrow().mode());
    }
  }
}
