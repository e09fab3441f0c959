package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.cutover.Reconcile;
import io.fmap.runtime.cutover.ReconcileReport;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerAudit;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.source.InMemorySource;
import io.fmap.runtime.target.TargetConnector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parent loops against the Dataverse emulator, which refuses a link that closes one (0x80040507) as
 * an org does: the load leaves exactly one link per loop out, writes the rest, and records the one
 * left out as PARENT_CYCLE_BROKEN with the loop; a later run whose link would close a loop with the
 * links the target holds leaves its own link out.
 */
class ParentLoopsOnEmulatorTest {
  @TempDir(factory = MemoryTempDir.class) Path dir;

  /** Company id → parent id (null: none); names are the ids. */
  private static List<SourceRecord> companies(Map<String, String> parents) {
    return parents.entrySet().stream().map(e -> {
      Map<String, Object> fields = new HashMap<>();
      fields.put("name", e.getKey());
      fields.put("parent_id", e.getValue());
      return new SourceRecord("Company", e.getKey(), fields);
    }).toList();
  }

  private static Map<String, String> parents(String... childParent) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < childParent.length; i += 2) out.put(childParent[i], childParent[i + 1]);
    return out;
  }

  private RunSummary load(LoadFixture fx, Map<String, String> parents, RunMode mode) {
    InMemorySource source = new InMemorySource(o -> o.equals("Company") ? companies(parents) : List.of());
    try (TargetConnector target = fx.target(50); Ledger ledger = fx.ledger()) {
      OwnerResolver owners = OwnerResolver.create(List.of(), new ConnectorDirectory(target),
          FallbackRule.parse("team:" + LoadFixture.FALLBACK_TEAM));
      return new LoadExecutor(fx.plan, source, target, fx.targetSchema, ledger, owners, List.of(),
          LoadExecutor.Options.full("test").withBatchSize(3).withMode(mode)).run();
    }
  }

  /** Each account's parent by name, as the target holds it. */
  private static Map<String, String> parentsInTarget(LoadFixture fx) {
    Map<String, String> nameById = new HashMap<>();
    List<ObjectNode> accounts = fx.dataverse.rows("account");
    accounts.forEach(a -> nameById.put(a.get("accountid").asText(), a.get("name").asText()));
    Map<String, String> out = new TreeMap<>();
    accounts.forEach(a -> out.put(a.get("name").asText(),
        a.hasNonNull("_parentaccountid_value") ? nameById.get(a.get("_parentaccountid_value").asText()) : null));
    return out;
  }

  /** Every mismatch of a full reconcile of the accounts against these companies. */
  private static List<String> reconcileMismatches(LoadFixture fx, Map<String, String> parents) throws Exception {
    InMemorySource source = new InMemorySource(o -> o.equals("Company") ? companies(parents) : List.of());
    try (TargetConnector target = fx.target(50); Ledger ledger = fx.ledger()) {
      OwnerResolver owners = OwnerResolver.create(List.of(), new ConnectorDirectory(target),
          FallbackRule.parse("team:" + LoadFixture.FALLBACK_TEAM));
      ReconcileReport report = new Reconcile(fx.plan, source, target, fx.targetSchema, ledger,
          new Owners(owners, List.of()), java.time.Clock.systemUTC()).run(true, 1);
      return report.tables().stream().filter(t -> t.table().equals("account"))
          .flatMap(t -> t.mismatches().stream()).map(Object::toString).toList();
    }
  }

  private static Map<String, String> brokenLinks(LoadFixture fx, long run) {
    Map<String, String> out = new TreeMap<>();
    try (Ledger ledger = fx.ledger()) {
      for (LedgerAudit.ErrorGroup group : ledger.audit().errorsByCode(run, 100)) {
        if (!group.code().equals(ParentLoops.CODE)) continue;
        group.examples().forEach(e -> out.put(e.key().sourceId(), e.message()));
      }
    }
    return out;
  }

  /**
   * Accounts keyed by the Spark id (as the standard set keys them): a row the target holds is named by
   * its key in a report, also when this run does not write it.
   */
  @Test
  void eachLoopLosesOneLinkAndEveryOtherLinkIsWritten() throws Exception {
    try (LoadFixture fx = new LoadFixture(dir, 100, Limits.none(), HandWrittenPlan.keyedByAccountNumber(),
        LoadFixture.withKey("account", HandWrittenPlan.ACCOUNT_KEY))) {
      RunSummary run = load(fx, parents("a", "b", "b", "a", "c", "d", "d", "e", "e", "c", "f", "f",
          "g", "h", "h", "i", "i", null), RunMode.FULL);

      Map<String, String> expected = new TreeMap<>(parents("a", null, "b", "a", "c", null, "d", "e", "e", "c",
          "f", null, "g", "h", "h", "i", "i", null));
      assertEquals(expected, parentsInTarget(fx));
      Map<String, String> broken = brokenLinks(fx, run.runId());
      assertEquals(List.of("a", "c", "f"), List.copyOf(broken.keySet()), run.toText());
      assertTrue(broken.get("a").contains("Company a -> b -> a is a loop"), broken.get("a"));
      assertTrue(broken.get("c").contains("Company c -> d -> e -> c is a loop"), broken.get("c"));
      assertTrue(broken.get("f").contains("Company f -> f is a loop"), broken.get("f"));
      assertTrue(run.errors().stream().noneMatch(g -> g.code().equals("0x80040507")), run.toText());
      assertFalse(run.hasFailures(), "links left out are reported, not failures: " + run.toText());
      try (Ledger ledger = fx.ledger()) {
        assertEquals(Operation.QUARANTINED,
            ledger.entry(run.runId(), new RecordKey("Company~lookups", "a", "account")).orElseThrow().outcome());
      }
      assertEquals(List.of(), reconcileMismatches(fx, parents("a", "b", "b", "a", "c", "d", "d", "e", "e", "c", "f", "f",
          "g", "h", "h", "i", "i", null)), "reconcile expects the links left out empty");

      RunSummary again = load(fx, parents("a", "b", "b", "a", "c", "d", "d", "e", "e", "c", "f", "f",
          "g", "h", "h", "i", "i", null), RunMode.FULL);
      assertEquals(List.of("a", "c", "f"), List.copyOf(brokenLinks(fx, again.runId()).keySet()),
          "a rerun leaves the same links out and reports them again");
      assertEquals(expected, parentsInTarget(fx));

      RunSummary delta = load(fx, parents("i", "g"), RunMode.DELTA);
      assertEquals(expected, parentsInTarget(fx), "i -> g would close g -> h -> i -> g with the target's links");
      Map<String, String> closedByDelta = brokenLinks(fx, delta.runId());
      assertEquals(List.of("i"), List.copyOf(closedByDelta.keySet()), delta.toText());
      assertTrue(closedByDelta.get("i").contains("Company g -> h -> i -> g is a loop"), closedByDelta.get("i"));
    }
  }

  /** Accounts by the id derived from the Spark id: the loop's links are this run's, so their names are known. */
  @Test
  void aLoopOfRowsAddressedByDerivedIdsLosesOneLink() throws Exception {
    try (LoadFixture fx = new LoadFixture(dir, 100, Limits.none(), HandWrittenPlan.plan(), UnaryOperator.identity())) {
      RunSummary run = load(fx, parents("cmp-3", "cmp-2", "cmp-2", "cmp-3", "cmp-4", "cmp-2"), RunMode.FULL);
      assertEquals(new TreeMap<>(parents("cmp-2", null, "cmp-3", "cmp-2", "cmp-4", "cmp-2")), parentsInTarget(fx));
      Map<String, String> broken = brokenLinks(fx, run.runId());
      assertEquals(List.of("cmp-2"), List.copyOf(broken.keySet()), run.toText());
      assertTrue(broken.get("cmp-2").startsWith("parentaccountid left out: Company cmp-2 -> cmp-3 -> cmp-2 is a loop"),
          broken.get("cmp-2"));
    }
  }
}
