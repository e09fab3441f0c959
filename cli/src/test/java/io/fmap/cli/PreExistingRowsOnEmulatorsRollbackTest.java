package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The org already has rows for some Spark records (same {@code fmap_sourceid}, the plan's alternate key):
 * every project, and the won and lost deals. The load updates them, links contacts to the projects (N:N)
 * and closes the deals (WinOpportunity, LoseOpportunity). Rolling the load back undoes the links
 * ({@code $ref} DELETE) before any row, reopens each opportunity the run closed before putting its
 * before-image back, and leaves those rows as they were.
 */
class PreExistingRowsOnEmulatorsRollbackTest {
  /** What the platform sets on every write: a restored row is the same row with a newer version. */
  private static final Set<String> SYSTEM = Set.of("modifiedon", "versionnumber", "_modifiedby_value",
      "_modifiedonbehalfby_value", "@odata.etag");

  @TempDir Path dir;

  @Test
  void rollbackDisassociatesTheRunsLinksAndReopensTheOpportunitiesItClosed() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 150)) {
      // Idle contacts would all become leads, which take no project links; customers stay contacts.
      project.addToConfig("params:\n  lead_idle_days: 100000\n");
      assertEquals(Fmap.OK, project.approve().exit());
      Path export = project.dir.getParent().resolve("export");
      int projects = seed(project, export.resolve("projects.jsonl"), "fmap_project", "fmap_name", r -> true);
      int deals = seed(project, export.resolve("deals.jsonl"), "opportunity", "name",
          r -> Set.of("won", "lost").contains(r.path("status").asText()));
      assertTrue(projects > 0 && deals > 0, projects + " projects, " + deals + " closed deals");
      Map<String, List<String>> before = rows(project);

      CliRun migrate = project.run("migrate", "--accept-warnings");
      assertTrue(migrate.exit() == Fmap.OK || migrate.exit() == Fmap.FINDINGS, migrate.out() + migrate.err());
      assertFalse(project.dataverse.associations("fmap_project_contact").isEmpty(), "the load linked contacts: "
          + migrate.out() + migrate.err());
      assertTrue(project.dataverse.rows("opportunity").stream().anyMatch(o -> o.path("statecode").asInt() != 0),
          "the load closed the won and lost deals");

      CliRun dryRun = project.run("rollback", "1");
      assertTrue(dryRun.out().contains("fmap_project_contact: disassociate"), dryRun.out() + dryRun.err());
      CliRun undo = project.run("rollback", "1", "--yes");
      assertEquals(Fmap.OK, undo.exit(), undo.out() + undo.err());
      assertEquals(List.of(), project.dataverse.associations("fmap_project_contact"), undo.out());
      assertEquals(before, rows(project), undo.out());
    }
  }

  /** Seeds a row per Spark record that passes {@code which}, keyed by the record's id. */
  private static int seed(EmulatedProject project, Path jsonl, String table, String nameColumn,
      java.util.function.Predicate<JsonNode> which) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    int n = 0;
    for (String line : Files.readAllLines(jsonl)) {
      JsonNode record = mapper.readTree(line);
      if (!which.test(record)) continue;
      ObjectNode row = JsonNodeFactory.instance.objectNode().put(nameColumn, "Org's own " + record.path("id").asText())
          .put("fmap_sourceid", record.path("id").asText());
      project.dataverse.seed(table, row);
      n++;
    }
    return n;
  }

  /** The seeded tables' rows, by content, without the platform's bookkeeping. */
  private static Map<String, List<String>> rows(EmulatedProject project) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table : List.of("fmap_project", "opportunity")) {
      out.put(table, project.dataverse.rows(table).stream().map(row -> {
        Map<String, String> columns = new TreeMap<>();
        row.fields().forEachRemaining(f -> {
          if (!SYSTEM.contains(f.getKey())) columns.put(f.getKey(), f.getValue().toString());
        });
        return columns.toString();
      }).sorted(Comparator.naturalOrder()).toList());
    }
    return out;
  }
}
