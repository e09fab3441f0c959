package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After `fmap migrate` the lookup, state and file passes have written many rows again (their
 * `modifiedon` is later than the first write). `fmap delta` takes none of those for an edit made in
 * Dynamics: the one row edited by hand after the load is the only conflict. The cutover window as the
 * issue sizes it: over 200 records edited and 50 created in Spark, then the delta's own run reconciles
 * clean (`fmap reconcile --run`).
 */
class DeltaAfterMigrateOnEmulatorsTest {
  @TempDir Path dir;

  @Test
  void deltaAfterMigrateReportsOnlyTheRowEditedInTheTargetAndItsRunReconcilesClean() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 300)) {
      assertEquals(Fmap.OK, project.approve().exit());
      CliRun migrate = project.run("migrate", "--accept-warnings", "--json");
      // Every company, contact, deal and activity edited in Spark: the delta checks all their rows, those
      // the lookup and state passes wrote again included.
      Map<String, String> exports = Map.of("Company", "companies", "Contact", "contacts", "Deal", "deals",
          "Activity", "activities");
      exports.forEach((object, export) -> project.touch(object, project.generated.counts().get(export)));
      assertTrue(exports.values().stream().mapToInt(e -> project.generated.counts().get(e)).sum() >= 200);
      Map.of("Contact", 25, "Company", 10, "Activity", 15).forEach(project::create);
      JsonNode account = project.dataverse.rows("account").get(0);
      // modifiedon has whole seconds: the edit must fall in a later second than fmap's last write.
      Thread.sleep(1100);
      try (TargetConnector target = project.target()) {
        target.write("account", List.of(new RowWrite(account.path("fmap_sourceid").asText(),
            new RowAddress.ById(UUID.fromString(account.path("accountid").asText())), Map.of("name", "Renamed by hand"))));
      }
      JsonNode beforeDelta = OrgDumps.comparable(project.dataverse.dump());
      CliRun delta = project.run("delta", "--json");
      JsonNode conflicts = new ObjectMapper().readTree(delta.out()).path("passes").path(0).path("conflicts");
      assertEquals(1, conflicts.size(), migrate.exit() + "\n" + delta.out() + delta.err());
      assertEquals(account.path("accountid").asText(), conflicts.get(0).path("targetId").asText(), delta.out());
      // The edited activities are updated, emails with parties among them: a row that is there keeps
      // the parties it was created with, so no update is refused.
      for (JsonNode object : new ObjectMapper().readTree(delta.out()).path("passes").path(0).path("load").path("objects")) {
        assertEquals(0, object.path("failed").asInt(), object.toString());
      }

      // What the delta wrote (the held-back conflict is not among it) is in the target as the plan says.
      long deltaRun = new ObjectMapper().readTree(delta.out()).path("passes").path(0).path("run").asLong();
      CliRun reconciled = project.run("reconcile", "--run", String.valueOf(deltaRun), "--full", "--json");
      JsonNode report = new ObjectMapper().readTree(reconciled.out());
      assertEquals(deltaRun, report.path("run").asLong(), reconciled.out());
      long contacts = -1;
      for (JsonNode t : report.path("tables")) {
        assertEquals(t.path("ledgerCount").asLong(), t.path("expectedCount").asLong(), t.toString());
        // Closed emails and appointments edited in Spark included: reopened, updated, closed again.
        assertTrue(t.path("clean").asBoolean(), t.toString());
        if (t.path("sourceObject").asText().equals("Contact")) contacts = t.path("sourceCount").asLong();
      }
      assertEquals(project.generated.counts().get("contacts") + 25, contacts,
          "the delta wrote every contact: all were edited, 25 are new");
      // Reconciling everything still finds the held-back row: the target has the hand edit, the source not.
      CliRun whole = project.run("reconcile", "--full", "--json");
      assertEquals(Fmap.FINDINGS, whole.exit(), whole.out() + whole.err());

      // Rolling back the delta alone puts the org back as the migrate left it: the rows the delta created are
      // gone, the rows it updated have their earlier values, and the deals and activities it reopened to
      // update are closed again with their earlier status reasons and close activities.
      CliRun undo = project.run("rollback", String.valueOf(deltaRun), "--yes");
      assertEquals(Fmap.OK, undo.exit(), undo.out() + undo.err());
      JsonNode afterUndo = OrgDumps.comparable(project.dataverse.dump());
      assertEquals(beforeDelta, afterUndo, undo.out() + OrgDumps.differences(beforeDelta, afterUndo));
    }
  }
}
