package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.cutover.ReconcileReport.Kind;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.exec.MigratedFixture;
import io.fmap.runtime.exec.ObjectSummary;
import io.fmap.runtime.exec.ReadWatermarks;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.MemoryTempDir;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.Watermark;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrate, change records in Spark (and one row in Dynamics), then delta under each conflict policy. */
class DeltaTest {
  @TempDir(factory = MemoryTempDir.class) Path dir;

  @Test
  void aDeltaLoadsWhatChangedAndHoldsBackAConflictUntilAPolicyDecides() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 150)) {
      fx.migrate("ana");
      List<String> touched = touch(fx, "Contact", 20);
      touch(fx, "Company", 5);
      // Someone edits one of the touched contacts in Dynamics after the load.
      RecordKey conflicted = null;
      String targetId = null;
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        for (String id : touched) {
          LedgerEntry e = ledger.history().lastLanded(List.of(new RecordKey("Contact", id, "contact")))
              .get(new RecordKey("Contact", id, "contact"));
          if (e != null) {
            conflicted = e.key();
            targetId = e.targetId();
            break;
          }
        }
        Thread.sleep(1100); // modifiedon has whole seconds: the edit must fall in a later second than our write
        target.write("contact", List.of(new RowWrite(conflicted.sourceId(), new RowAddress.ById(UUID.fromString(targetId)),
            Map.of("jobtitle", "Edited in Dynamics"))));
      }

      Delta.Result reported = delta(fx, Delta.Policy.REPORT);
      assertEquals(1, reported.conflicts().size(), reported.toText());
      assertEquals(conflicted, reported.conflicts().get(0).key());
      assertTrue(reported.needsAttention());
      assertTrue(reported.load().total(ObjectSummary::updated) > 0, reported.toText() + reported.load().toText());
      assertEquals(0, reported.load().total(ObjectSummary::created), "nothing new in the source");
      assertEquals("Edited in Dynamics", jobTitle(fx, targetId), "the conflict is not overwritten");
      assertFalse(reported.watermarks().containsKey("Contact"), "a held-back record must come back next pass");
      assertTrue(reported.watermarks().containsKey("Company"));

      Delta.Result kept = delta(fx, Delta.Policy.TARGET_WINS);
      assertEquals(1, kept.conflicts().size());
      assertEquals("Edited in Dynamics", jobTitle(fx, targetId));
      assertTrue(kept.watermarks().containsKey("Contact"), "target-wins settles the conflict");

      String heldId = conflicted.sourceId();
      List<ReconcileReport.Mismatch> differing = reconcileValueMismatches(fx);
      assertTrue(differing.stream().allMatch(m -> m.sourceId().equals(heldId)),
          "every other change reached the target; only the row whose target edit was kept differs: " + differing);
    }
  }

  @Test
  void sourceWinsOverwritesTheTargetsEdit() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 120)) {
      fx.migrate("ana");
      List<String> touched = touch(fx, "Contact", 30);
      String targetId;
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        LedgerEntry e = touched.stream().map(id -> ledger.history().lastLanded(List.of(new RecordKey("Contact", id, "contact")))
            .get(new RecordKey("Contact", id, "contact"))).filter(x -> x != null).findFirst().orElseThrow();
        targetId = e.targetId();
        Thread.sleep(1100);
        target.write("contact", List.of(new RowWrite(e.key().sourceId(), new RowAddress.ById(UUID.fromString(targetId)),
            Map.of("lastname", "Edited in Dynamics"))));
      }
      Delta.Result result = delta(fx, Delta.Policy.SOURCE_WINS);
      assertEquals(1, result.conflicts().size(), result.toText());
      assertFalse(fx.dataverse().row("contact", UUID.fromString(targetId)).orElseThrow().get("lastname").asText()
          .equals("Edited in Dynamics"), "the source's value is written over the target's edit");
      assertTrue(result.toText().contains("(overwritten)"));
    }
  }

  @Test
  void rollingBackOnlyADeltaRunPutsBackTheRowsItUpdatedAsTheLoadLeftThemAndLeavesTheLoadStanding()
      throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 100)) {
      fx.migrate("ana");
      Map<String, String> afterLoad = contacts(fx);
      touch(fx, "Contact", 10);
      Delta.Result delta = delta(fx, Delta.Policy.REPORT);
      long updated = delta.load().total(ObjectSummary::updated);
      assertTrue(updated > 0, delta.load().toText());
      assertFalse(afterLoad.equals(contacts(fx)), "the delta changed contacts");
      try (Ledger ledger = fx.ledger(); DataverseTargetConnector target = fx.target()) {
        Rollback rollback = new Rollback(ledger, new DataverseRollbackTarget(target, fx.targetSchema()),
            UndoOrder.of(fx.plan()), Rollback.Options.of("ana"));
        long deltaRun = delta.load().runId();
        RollbackPlan plan = rollback.plan(deltaRun);
        assertEquals(List.of(), plan.unrestorable(), "the executor kept a before-image of every row it updated");
        assertEquals(updated, plan.restores(), plan.toText(false));
        long standing = ledger.history().standingCount("Contact", "contact");

        Rollback.Result result = rollback.execute(deltaRun);
        assertEquals(0, result.deleted(), "the delta created nothing");
        assertEquals(updated, result.restored(), result.toText());
        assertEquals(afterLoad, contacts(fx), "every contact is as the load left it");
        assertEquals(standing, ledger.history().standingCount("Contact", "contact"),
            "the load's writes stand again where the delta's stood");
        assertEquals(io.fmap.runtime.ledger.RunStatus.ROLLED_BACK, ledger.run(deltaRun).orElseThrow().status());
        assertEquals(io.fmap.runtime.ledger.RunStatus.COMPLETED, ledger.runs().get(0).status(), "only the delta");
      }
    }
  }

  /** Every contact's mapped columns, by id. */
  private static Map<String, String> contacts(MigratedFixture fx) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (JsonNode c : fx.dataverse().rows("contact")) {
      out.put(c.get("contactid").asText(), c.path("firstname").asText() + "|" + c.path("lastname").asText() + "|"
          + c.path("emailaddress1").asText() + "|" + c.path("_parentcustomerid_value").asText() + "|"
          + c.path("_ownerid_value").asText());
    }
    return out;
  }

  @Test
  void recordsCreatedInTheSourceAfterTheLoadAreCreatedByTheDeltaAndReconcileAgrees() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 100)) {
      fx.migrate("ana");
      java.util.Set<String> landed;
      try (Ledger ledger = fx.ledger()) {
        landed = ledger.history().standing("Contact", "contact", "", 1000).stream().map(e -> e.key().sourceId())
            .collect(java.util.stream.Collectors.toSet());
      }
      try (SourceConnector spark = fx.source(); SourceConnector grown = new GrowingSource(spark, "Contact", landed, 15);
           DataverseTargetConnector target = fx.target(); Ledger ledger = fx.ledger()) {
        int before = fx.dataverse().count("contact");
        Delta.Result result = new Delta(fx.plan(), grown, target, fx.targetSchema(), ledger)
            .run(Delta.Policy.REPORT, view -> fx.delta("ana", view));
        int added = Math.min(15, landed.size());
        assertTrue(added > 5, "enough contacts landed to copy: " + landed.size());
        assertEquals(added, result.load().total(ObjectSummary::created), result.load().toText());
        assertEquals(before + added, fx.dataverse().count("contact"));
        ReconcileReport reconciled = new Reconcile(fx.plan(), grown, target, fx.targetSchema(), ledger,
            fx.owners(grown, target), Clock.systemUTC()).run(true, 1);
        assertTrue(reconciled.tables().stream().flatMap(t -> t.mismatches().stream())
            .allMatch(m -> m.kind() == Kind.NOT_LOADED), "only the rows the target refused differ");
        assertTrue(reconciled.tables().stream().flatMap(t -> t.mismatches().stream())
            .noneMatch(m -> m.sourceId().startsWith(GrowingSource.PREFIX)), reconciled.toText());
      }
    }
  }

  /** The Spark source plus records created after the load: copies of records that loaded, with new ids. */
  private record GrowingSource(SourceConnector source, String object, java.util.Set<String> copied, int added)
      implements SourceConnector {
    static final String PREFIX = "new-";

    @Override public io.fmap.schema.SystemSchema schema() { return source.schema(); }
    @Override public java.io.InputStream openFile(String fileId) { return source.openFile(fileId); }
    @Override public void close() { }

    @Override
    public java.util.stream.Stream<io.fmap.runtime.api.SourceRecord> records(String name, java.time.Instant since,
        java.util.function.Consumer<io.fmap.runtime.source.MalformedRecord> quarantine) {
      if (!name.equals(object)) return source.records(name, since, quarantine);
      List<io.fmap.runtime.api.SourceRecord> created = new ArrayList<>();
      try (var all = source.records(name, null, bad -> { })) {
        all.filter(r -> copied.contains(r.id())).limit(added)
            .forEach(r -> {
              Map<String, Object> fields = new java.util.LinkedHashMap<>(r.fields());
              fields.put("id", PREFIX + r.id());
              fields.put("updated_at", "2030-01-01T00:00:00Z");
              created.add(new io.fmap.runtime.api.SourceRecord(name, PREFIX + r.id(), fields));
            });
      }
      return java.util.stream.Stream.concat(source.records(name, since, quarantine), created.stream());
    }

    @Override
    public long count(String name, java.time.Instant since) {
      try (var records = records(name, since, bad -> { })) {
        return records.count();
      }
    }
  }

  @Test
  void theFirstDeltaAfterAFullMigrateReadsOnlyWhatChangedSinceIt() throws Exception {
    try (MigratedFixture fx = new MigratedFixture(dir, 150)) {
      long migrated = fx.migrate("ana").runId();
      String watermark;
      long atTheMark;
      try (Ledger ledger = fx.ledger(); SourceConnector source = fx.source()) {
        Watermark mark = ledger.watermark("Contact").orElseThrow(() -> new AssertionError("migrate set no watermark"));
        assertEquals(migrated, mark.runId());
        watermark = mark.value();
        // The source filters at-or-after the watermark: the records carrying it exactly are read again.
        try (var records = source.records("Contact", null, bad -> { })) {
          atTheMark = records.filter(r -> Instant.parse(watermark).equals(ReadWatermarks.updatedAt(r))).count();
        }
        try (var records = source.records("Contact", null, bad -> { })) {
          assertTrue(records.count() > 3 + atTheMark, "the fixture has more contacts than the delta should read");
        }
      }
      List<String> touched = touch(fx, "Contact", 3);

      Delta.Result result = delta(fx, Delta.Policy.REPORT);
      assertEquals(3 + atTheMark, result.changed().get("Contact"), "read since " + watermark);
      List<ObjectSummary> contacts = result.load().objects().stream()
          .filter(o -> o.sourceObject().equals("Contact")).toList();
      // The load itself reads only those: the watermark goes down to the connector, the progress counts them.
      assertEquals(3 + atTheMark, contacts.stream().mapToLong(ObjectSummary::read).max().orElse(0), contacts.toString());
      long written = contacts.stream().mapToLong(o -> o.created() + o.updated()).sum();
      // The fixture's source has records that fail at the target on every run; a touched one fails again.
      assertTrue(written > 0, contacts.toString());
      try (Ledger ledger = fx.ledger(); SourceConnector source = fx.source()) {
        List<RecordKey> keys = new ArrayList<>();
        try (var records = source.records("Contact", null, bad -> { })) {
          records.forEach(r -> Lookups.tablesOf(fx.plan(), "Contact").forEach(t -> keys.add(new RecordKey("Contact", r.id(), t))));
        }
        List<String> writtenByDelta = ledger.history().lastLanded(keys).values().stream()
            .filter(e -> e.runId() == result.load().runId()).map(e -> e.key().sourceId()).sorted().toList();
        assertEquals(written, writtenByDelta.size(), writtenByDelta.toString());
        assertTrue(touched.containsAll(writtenByDelta), "only touched contacts are written: " + writtenByDelta + " vs " + touched);
      }
    }
  }

  @Test
  void anUnknownPolicyNamesTheThreeThatExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Delta.Policy.parse("mine"));
    assertTrue(e.getMessage().contains("source-wins, target-wins, report"));
    assertEquals(Delta.Policy.TARGET_WINS, Delta.Policy.parse("target-wins"));
  }

  private static Delta.Result delta(MigratedFixture fx, Delta.Policy policy) throws Exception {
    try (SourceConnector source = fx.source(); DataverseTargetConnector target = fx.target(); Ledger ledger = fx.ledger()) {
      return new Delta(fx.plan(), source, target, fx.targetSchema(), ledger).run(policy, view -> fx.delta("ana", view));
    }
  }

  private static String jobTitle(MigratedFixture fx, String id) {
    JsonNode v = fx.dataverse().row("contact", UUID.fromString(id)).orElseThrow().get("jobtitle");
    return v == null ? null : v.asText();
  }

  private static List<ReconcileReport.Mismatch> reconcileValueMismatches(MigratedFixture fx) throws Exception {
    try (SourceConnector source = fx.source(); DataverseTargetConnector target = fx.target(); Ledger ledger = fx.ledger()) {
      ReconcileReport report = new Reconcile(fx.plan(), source, target, fx.targetSchema(), ledger,
          fx.owners(source, target), Clock.systemUTC()).run(true, 1);
      return report.tables().stream().flatMap(t -> t.mismatches().stream())
          .filter(m -> m.kind() == Kind.VALUE || m.kind() == Kind.MISSING_IN_TARGET).toList();
    }
  }

  /** The Spark emulator's admin endpoint: edits records as a user would, moving their updated_at. */
  private static List<String> touch(MigratedFixture fx, String object, int count) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(fx.sparkUrl() + "/_emulator/touch?object=" + object + "&count=" + count))
        .header("Authorization", "Bearer " + fx.sparkToken())
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    List<String> ids = new ArrayList<>();
    new ObjectMapper().readTree(response.body()).path("ids").forEach(n -> ids.add(n.asText()));
    return ids;
  }
}
