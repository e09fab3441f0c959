package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.schema.SystemSchema;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data verbs end to end, as a user runs them: the standard mapping set in a project folder,
 * fmap.yaml naming both emulators (in-process, loopback, ephemeral ports), generated Spark data.
 */
class DataVerbsOnEmulatorsTest {
  @TempDir Path dir;

  @AfterEach void restoreEnvironment() { DataverseOptions.environment = System::getenv; }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void approvedStdlibProjectPreflightsMigratesAndMigratesAgainWithoutDuplicates() throws Exception {
    SampleGenerator.Result generated = new SampleGenerator(7, 300).writeTo(dir.resolve("export"), false);
    Path project = PlanCommandTest.copyOfStdlib(Files.createDirectories(dir.resolve("acme")));
    // An org that already has the plan's tables, columns and keys, as after `fmap schema apply`.
    SystemSchema org = ProjectPlan.load(project).planned().orElseThrow().program().target();
    try (SparkEmulator spark = SparkEmulator.start(dir.resolve("export"), "127.0.0.1", 0,
             SparkEmulatorConfig.withToken("spark-test-token"));
         DataverseEmulator dv = DataverseEmulator.start(
             EmulatorConfig.defaults().withSchema(org).withKeyActivation(Duration.ZERO))) {
      Map<String, String> env = Map.of("FMAP_TEST_SPARK_TOKEN", "spark-test-token",
          DataVerbOptions.CLIENT_ID, "fmap-demo", DataVerbOptions.CLIENT_SECRET, "fmap-demo");
      DataverseOptions.environment = env::get;
      Files.writeString(project.resolve("fmap.yaml"), "spark:\n"
          + "  url: " + spark.baseUrl() + "\n"
          + "  tokenEnv: FMAP_TEST_SPARK_TOKEN\n"
          + "dataverse:\n"
          + "  url: " + dv.rootUrl() + "\n"
          + "  tokenUrl: " + dv.tokenUrl("contoso") + "\n"
          + "fallbackOwner: team:fmap-demo\n");
      String p = project.toString();

      CliRun unapproved = run("migrate", "--project", p);
      assertEquals(Fmap.BLOCKED, unapproved.exit(), unapproved.err());
      assertEquals(0, dv.count("account"), "nothing moves before approval");

      assertEquals(Fmap.OK, run("plan", "--approve", p).exit());

      CliRun preflight = run("preflight", "--project", p, "--json");
      assertEquals(Fmap.OK, preflight.exit(), preflight.err());
      JsonNode report = new ObjectMapper().readTree(preflight.out());
      assertTrue(report.isObject(), preflight.out());

      CliRun first = run("migrate", "--project", p, "--accept-warnings", "--json");
      JsonNode result = new ObjectMapper().readTree(first.out());
      assertEquals(Fmap.OK, first.exit(), first.err());
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
      CliRun second = run("migrate", "--project", p, "--accept-warnings", "--json", "--quiet");
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
