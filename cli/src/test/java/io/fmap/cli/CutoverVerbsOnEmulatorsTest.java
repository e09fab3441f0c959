package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import io.fmap.schema.SystemSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The cutover verbs as a user runs them after {@code fmap migrate}: the standard mapping set, both
 * emulators in-process on loopback, generated Spark data.
 */
class CutoverVerbsOnEmulatorsTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  @AfterEach void restoreEnvironment() { DataverseOptions.environment = System::getenv; }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Fmap.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void afterMigrateReportShowsTheRunReconcileFindsEveryWriteAndRollbackListsThenUndoesIt() throws Exception {
    new SampleGenerator(11, 100).writeTo(dir.resolve("export"), false);
    Path project = PlanCommandTest.copyOfStdlib(Files.createDirectories(dir.resolve("acme")));
    // An org that already has the plan's tables, columns and keys, as after `fmap schema apply`.
    SystemSchema org = ProjectPlan.load(project).planned().orElseThrow().program().target();
    try (SparkEmulator spark = SparkEmulator.start(dir.resolve("export"), "127.0.0.1", 0,
             SparkEmulatorConfig.withToken("spark-test-token"));
         DataverseEmulator dv = DataverseEmulator.start(
             EmulatorConfig.defaults().withSchema(org).withKeyActivation(Duration.ZERO))) {
      DataverseOptions.environment = Map.of("FMAP_TEST_SPARK_TOKEN", "spark-test-token",
          DataVerbOptions.CLIENT_ID, "fmap-demo", DataVerbOptions.CLIENT_SECRET, "fmap-demo")::get;
      Files.writeString(project.resolve("fmap.yaml"), "spark:\n"
          + "  url: " + spark.baseUrl() + "\n"
          + "  tokenEnv: FMAP_TEST_SPARK_TOKEN\n"
          + "dataverse:\n"
          + "  url: " + dv.rootUrl() + "\n"
          + "  tokenUrl: " + dv.tokenUrl("contoso") + "\n"
          + "fallbackOwner: team:fmap-demo\n");
      String p = project.toString();
      Run approve = run("plan", "--approve", p);
      assertEquals(Fmap.OK, approve.exit(), approve.out() + approve.err());
      Run migrate = run("migrate", "--project", p, "--accept-warnings");
      assertTrue(migrate.exit() == Fmap.OK || migrate.exit() == Fmap.FINDINGS, migrate.err());
      assertTrue(dv.count("account") > 0, migrate.out());

      Run report = run("report", "--project", p, "--json");
      JsonNode runs = new ObjectMapper().readTree(report.out()).path("runs");
      assertEquals(1, runs.size(), report.out());
      assertEquals(1, runs.get(0).path("id").asInt(), report.out());
      assertEquals(migrate.exit(), report.exit(), "report flags the same failed or quarantined records migrate did");

      // Every write the ledger says stands is found in the target. (The expected counts are not compared here:
      // reconcile's re-mapping of the stdlib set routes no record yet, see the helper's report.)
      Run reconcile = run("reconcile", "--project", p, "--full", "--json");
      JsonNode tables = new ObjectMapper().readTree(reconcile.out()).path("tables");
      assertTrue(tables.size() > 0, reconcile.out() + reconcile.err());
      for (JsonNode t : tables) {
        // the target also counts rows of the table fmap did not write (two objects fill annotation)
        assertTrue(t.path("targetCount").asLong() >= t.path("ledgerCount").asLong(), t.toString());
        for (JsonNode m : t.path("mismatches")) assertTrue(!m.path("kind").asText().equals("missing_in_target"), m.toString());
      }

      int accounts = dv.count("account");
      Run dryRun = run("rollback", "1", "--project", p);
      assertEquals(Fmap.OK, dryRun.exit(), dryRun.out() + dryRun.err());
      assertTrue(dryRun.out().contains("account: delete " + accounts), dryRun.out());
      assertEquals(accounts, dv.count("account"), "a dry run changes nothing");

      Run undo = run("rollback", "1", "--yes", "--project", p, "--json");
      assertEquals(Fmap.OK, undo.exit(), undo.out() + undo.err());
      assertEquals(0, dv.count("account"), undo.out());
      assertEquals(0, dv.count("opportunity"), undo.out());
      Run again = run("rollback", "1", "--project", p);
      assertEquals(Fmap.BLOCKED, again.exit(), again.out());
      assertTrue(again.out().contains("already rolled back"), again.out());
    }
  }
}
