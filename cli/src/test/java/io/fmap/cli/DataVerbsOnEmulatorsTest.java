package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.generate.SampleGenerator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data verbs end to end, as a user runs them: the standard mapping set in a project folder,
 * fmap.yaml naming both emulators (in-process, loopback, ephemeral ports), generated Spark data.
 */
class DataVerbsOnEmulatorsTest {
  @TempDir Path dir;

  @Test
  void approvedStdlibProjectPreflightsMigratesAndMigratesAgainWithoutDuplicates() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 300)) {
      DataverseEmulator dv = project.dataverse;
      SampleGenerator.Result generated = project.generated;

      CliRun unapproved = project.run("migrate");
      assertEquals(Fmap.BLOCKED, unapproved.exit(), unapproved.err());
      assertEquals(0, dv.count("account"), "nothing moves before approval");

      assertEquals(Fmap.OK, project.approve().exit());

      CliRun preflight = project.run("preflight", "--json");
      assertEquals(Fmap.OK, preflight.exit(), preflight.err());
      JsonNode report = new ObjectMapper().readTree(preflight.out());
      assertTrue(report.isObject(), preflight.out());

      CliRun first = project.run("migrate", "--accept-warnings", "--json");
      JsonNode result = new ObjectMapper().readTree(first.out());
      ParentLoopFinding.isTheOnlyFinding(first.exit(), first.out());
      int companies = generated.counts().get("companies");
      assertEquals(companies, dv.count("account"), first.out());
      // The generated contacts are all in a lead stage: the stdlib routes each to a lead.
      assertEquals((int) generated.counts().get("contacts"), dv.count("lead") + dv.count("contact"), first.out());
      assertEquals((int) generated.counts().get("deals"), dv.count("opportunity"), first.out());
      assertTrue(result.path("ledger").asText().endsWith(".fmap/ledger.db"), first.out());
      // Each source record counts once in the throughput, though Activity lands in four tables.
      long migrated = generated.total() - generated.counts().get("users") - generated.counts().get("pipelines")
          - generated.counts().get("stages");
      assertEquals(migrated, result.path("recordsRead").asLong(), first.out());
      // Not on a terminal: the progress of the load ends with one plain line on stderr, every object done.
      String finalProgress = first.err().lines().filter(l -> l.startsWith("migrate ")).reduce((x, y) -> y).orElse("");
      assertTrue(finalProgress.contains("Company " + companies + "/" + companies + " 100%"), first.err());

      Map<String, Integer> landed = landed(dv);
      CliRun second = project.run("migrate", "--accept-warnings", "--json", "--quiet");
      assertEquals(first.exit(), second.exit(), second.err());
      assertTrue(second.err().lines().noneMatch(l -> l.startsWith("migrate ") || l.startsWith("preflight ")),
          "--quiet prints no progress: " + second.err());
      assertEquals(landed, landed(dv),
          "a second migrate duplicates nothing");
      long created = 0;
      for (JsonNode o : new ObjectMapper().readTree(second.out()).path("summary").path("objects")) {
        created += o.path("created").asLong();
      }
      assertEquals(0, created, second.out());
    }
  }

  private static Map<String, Integer> landed(DataverseEmulator dv) {
    return Map.of("account", dv.count("account"), "lead", dv.count("lead"), "opportunity", dv.count("opportunity"),
        "annotation", dv.count("annotation"), "email", dv.count("email"), "fmap_project", dv.count("fmap_project"));
  }
}
