package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.LedgerLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The org already has rows for some Spark records (same {@code fmap_sourceid}, the plan's alternate key):
 * every project; the won and lost deals, open with a status reason that is not the open default (On Hold);
 * the done tasks, open and In Progress; the emails, open (Failed) with activity parties of their own. The
 * load updates them, links contacts to the projects (N:N), closes the deals (WinOpportunity,
 * LoseOpportunity, each recording an {@code opportunityclose}) and completes the tasks and emails. Rolling
 * the load back undoes the links ({@code $ref} DELETE) before any row, deletes the close activities the run
 * made, reopens each row the run closed with the status reason it had, puts its before-image back, and
 * leaves the whole org as it was: every table, activity parties included, bookkeeping aside.
 */
class PreExistingRowsOnEmulatorsRollbackTest {

  @TempDir Path dir;

  @Test
  void rollbackLeavesTheOrgAsItWasWithStatusReasonsPartiesAndNoCloseActivities() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 150)) {
      // Idle contacts would all become leads, which take no project links; customers stay contacts.
      project.addToConfig("params:\n  lead_idle_days: 100000\n");
      assertEquals(Fmap.OK, project.approve().exit());
      Path export = project.dir.getParent().resolve("export");
      int projects = seed(project, export.resolve("projects.jsonl"), "fmap_project", r -> true,
          (r, row) -> row.put("fmap_name", "Org's own " + r.path("id").asText()));
      int deals = seed(project, export.resolve("deals.jsonl"), "opportunity",
          r -> Set.of("won", "lost").contains(r.path("status").asText()),
          (r, row) -> row.put("name", "Org's own " + r.path("id").asText()).put("statuscode", ON_HOLD));
      int tasks = seed(project, export.resolve("activities.jsonl"), "task",
          r -> r.path("type").asText().equals("task") && r.path("task_status").asText().equals("done"),
          (r, row) -> row.put("subject", "Org's own " + r.path("id").asText()).put("statuscode", IN_PROGRESS));
      int emails = seed(project, export.resolve("activities.jsonl"), "email", r -> r.path("type").asText().equals("email"),
          (r, row) -> {
            row.put("subject", "Org's own " + r.path("id").asText()).put("statuscode", FAILED);
            ArrayNode parties = row.putArray("email_activity_parties");
            parties.addObject().put("addressused", "org.sender@org.example").put("participationtypemask", 1);
            parties.addObject().put("addressused", "org.recipient@org.example").put("participationtypemask", 2);
          });
      assertTrue(projects > 0 && deals > 0 && tasks > 0 && emails > 0,
          projects + " projects, " + deals + " closed deals, " + tasks + " done tasks, " + emails + " emails");
      JsonNode before = OrgDumps.comparable(project.dataverse.dump());
      Set<String> seededEmails = idsIn(before, "email");
      List<JsonNode> emailParties = partiesOf(before, seededEmails);
      assertEquals(2 * emails, emailParties.size(), "the seeded emails' parties");

      CliRun migrate = project.run("migrate", "--accept-warnings");
      assertTrue(migrate.exit() == Fmap.OK || migrate.exit() == Fmap.FINDINGS, migrate.out() + migrate.err());
      assertFalse(project.dataverse.associations("fmap_project_contact").isEmpty(), "the load linked contacts: "
          + migrate.out() + migrate.err());
      assertEquals(deals, project.dataverse.count("opportunityclose"), "a close activity per deal the load closed");
      // The state pass records the rows' own ids (the org's, found by alternate key), with their versions.
      assertEquals(idsIn(before, "opportunity"), stateEntryIds(project, "Deal~state"));
      // The load updates and completes an email the org had without sending its parties again.
      assertEquals(emailParties, partiesOf(OrgDumps.comparable(project.dataverse.dump()), seededEmails));
      for (String table : List.of("opportunity", "task", "email")) {
        assertTrue(project.dataverse.rows(table).stream().anyMatch(o -> o.path("statecode").asInt() != 0),
            "the load closed " + table + " rows");
      }

      CliRun dryRun = project.run("rollback", "1");
      assertTrue(dryRun.out().contains("fmap_project_contact: disassociate"), dryRun.out() + dryRun.err());
      assertTrue(dryRun.out().contains("opportunityclose: delete " + deals), dryRun.out() + dryRun.err());
      CliRun undo = project.run("rollback", "1", "--yes");
      assertEquals(Fmap.OK, undo.exit(), undo.out() + undo.err());
      assertEquals(List.of(), project.dataverse.associations("fmap_project_contact"), undo.out());
      JsonNode after = OrgDumps.comparable(project.dataverse.dump());
      assertEquals(before, after, undo.out() + OrgDumps.differences(before, after));
    }
  }

  private static final int ON_HOLD = 2;
  private static final int IN_PROGRESS = 3;
  private static final int FAILED = 8;

  /** Seeds a row per Spark record that passes {@code which}, keyed by the record's id, its columns from {@code fill}. */
  private static int seed(EmulatedProject project, Path jsonl, String table, Predicate<JsonNode> which,
      BiConsumer<JsonNode, ObjectNode> fill) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    int n = 0;
    for (String line : Files.readAllLines(jsonl)) {
      JsonNode record = mapper.readTree(line);
      if (!which.test(record)) continue;
      ObjectNode row = JsonNodeFactory.instance.objectNode().put("fmap_sourceid", record.path("id").asText());
      fill.accept(record, row);
      project.dataverse.seed(table, row);
      n++;
    }
    return n;
  }

  /** The ids of a table's rows in a dump. */
  private static Set<String> idsIn(JsonNode dump, String table) {
    Set<String> ids = new java.util.TreeSet<>();
    dump.path("rows").path(table).forEach(row -> ids.add(row.path("id").asText()));
    return ids;
  }

  /** The row ids of run 1's entries of a source object (a pass such as {@code Deal~state}), each with its version. */
  private static Set<String> stateEntryIds(EmulatedProject project, String sourceObject) {
    Set<String> ids = new java.util.TreeSet<>();
    try (Ledger ledger = Ledger.open(LedgerLocation.defaultFor(project.dir))) {
      for (LedgerEntry e : ledger.history().attemptedBy(1, 0, 100_000)) {
        if (!e.key().sourceObject().equals(sourceObject)) continue;
        assertNotNull(e.targetVersion(), e.toString());
        ids.add(e.targetId());
      }
    }
    return ids;
  }

  /** The activity parties of the given activities, from a dump. */
  private static List<JsonNode> partiesOf(JsonNode dump, Set<String> activityIds) {
    List<JsonNode> parties = new java.util.ArrayList<>();
    dump.path("rows").path("activityparty").forEach(p -> {
      if (activityIds.contains(p.path("values").path("activityid").asText())) parties.add(p);
    });
    return parties;
  }
}
