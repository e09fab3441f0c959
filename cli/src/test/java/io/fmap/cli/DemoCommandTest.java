package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fmap demo}: the whole journey through the real verbs against both in-process emulators. */
class DemoCommandTest {
  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void smallDemoRunsEveryStepLandsRowsForEachMigratedObjectAndKeepsACheckCleanProject() throws Exception {
    Path project = tmp.resolve("acme");
    CliRun demo = run("demo", "--size", "100", "--seed", "3", "--keep", project.toString(), "--json");
    JsonNode summary = new ObjectMapper().readTree(demo.out());

    List<String> steps = new ArrayList<>();
    for (JsonNode s : summary.path("steps")) {
      steps.add(s.path("step").asText());
      assertFalse(s.path("outcome").asText().equals("failed"), s.toString() + "\n" + demo.err());
    }
    assertEquals(List.of("init", "generate", "emulators", "check", "plan", "plan approve", "preflight", "schema apply",
        "sample", "migrate", "source edits", "delta", "reconcile", "report"), steps, demo.err());
    // The standard set on generated data is clean end to end: the sample lands as mapped (unrouted
    // objects like Spark's stages read as the load reads them), migrate after sample fails no closed
    // deal, fmap's own after-load passes are no delta conflicts, and reconcile matches every table.
    assertEquals(Fmap.OK, demo.exit(), demo.err());
    assertEquals(demo.exit(), summary.path("exitCode").asInt());
    assertEquals(0, summary.path("sample").path("differs").asLong(), summary.path("sample").toString());
    assertEquals(0, summary.path("delta").path("conflicts").asLong(), summary.path("delta").toString());
    assertTrue(summary.path("reconcile").path("clean").asBoolean(), summary.path("reconcile").toString());

    // Each object migrate wrote is in the org, as the demo read the emulator's tables back before stopping it.
    assertTrue(summary.path("moved").size() >= 7, summary.path("moved").toString());
    for (JsonNode moved : summary.path("moved")) {
      // Lines like Company~lookups and Project~fmap_project_contact are second passes over rows already counted.
      if (!moved.has("rowsInDynamics") || moved.path("object").asText().contains("~")) continue;
      assertTrue(moved.path("rowsInDynamics").asLong() > 0, moved.toString());
      assertTrue(moved.path("rowsInDynamics").asLong() >= moved.path("created").asLong(), moved.toString());
    }
    // Both routes of a Spark contact show, whatever today's date: the generated data ends on a fixed
    // day, and the demo counts idle days from it (DemoJourney.idleDaysFromDataEnd).
    List<String> contactTables = new ArrayList<>();
    for (JsonNode moved : summary.path("moved")) {
      if (moved.path("object").asText().equals("Contact") && moved.path("rowsInDynamics").asLong() > 0) {
        contactTables.add(moved.path("table").asText());
      }
    }
    assertEquals(List.of("contact", "lead"), contactTables.stream().sorted().toList(), summary.path("moved").toString());
    assertEquals(20, summary.path("touched").path("Company").asInt() + summary.path("touched").path("Contact").asInt()
        + summary.path("touched").path("Deal").asInt(), summary.path("touched").toString());
    assertTrue(summary.path("delta").path("updated").asLong() > 0, "the edited records reach the org: " + summary.path("delta"));
    assertTrue(summary.path("report").path("runs").asInt() >= 3, "sample, full and delta runs: " + summary.path("report"));

    for (String report : List.of("sample-diff.html", "reconcile.html", "run-report.html")) {
      assertTrue(Files.size(project.resolve(".fmap/reports").resolve(report)) > 0, report);
    }
    assertTrue(Files.isRegularFile(project.resolve(".fmap/ledger.db")));
    assertTrue(Files.readString(project.resolve(".fmap/demo/10-migrate.log")).startsWith("$ fmap migrate --project "));

    CliRun check = run("check", project.toString());
    assertEquals(Fmap.OK, check.exit(), check.out() + check.err());
    assertEquals(System.getenv(DemoEmulators.SECRET_ENV), DataverseOptions.environment.apply(DemoEmulators.SECRET_ENV),
        "the demo's credentials are gone from the verbs' environment afterwards");
  }

  @Test
  void keepRefusesAFolderThatHasFilesBeforeStartingAnything() throws Exception {
    Path taken = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(taken.resolve("notes.txt"), "mine");
    CliRun demo = run("demo", "--keep", taken.toString());
    assertEquals(Fmap.USAGE, demo.exit());
    assertTrue(demo.err().contains("not an empty folder"), demo.err());
    try (var files = Files.list(taken)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void helpNamesTheStepsAndShowsAnExample() {
    CliRun help = run("demo", "--help");
    assertEquals(Fmap.OK, help.exit());
    assertTrue(help.out().contains("schema apply"), help.out());
    assertTrue(help.out().contains("fmap demo --size 500 --keep acme-demo"), help.out());
  }
}
