package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fmap sample} as a reviewer runs it before the full load: the standard mapping set, both
 * emulators in-process on loopback, generated Spark data.
 */
class SampleVerbOnEmulatorsTest {
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
  void refusesUnapprovedThenSamplesDiffsRerunsWithoutDuplicatesAndReportsAFieldChangedInTheTarget() throws Exception {
    SampleGenerator.Result generated = new SampleGenerator(5, 300).writeTo(dir.resolve("export"), false);
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

      Run unapproved = run("sample", "--project", p, "--size", "40");
      assertEquals(Fmap.BLOCKED, unapproved.exit(), unapproved.out() + unapproved.err());
      assertEquals(0, dv.count("account"), "nothing moves before approval");

      assertEquals(Fmap.OK, run("plan", "--approve", p).exit());
      Run first = run("sample", "--project", p, "--size", "40", "--json");
      JsonNode result = new ObjectMapper().readTree(first.out());
      assertTrue(first.exit() == Fmap.OK || first.exit() == Fmap.FINDINGS, first.err());
      assertTrue(result.path("selection").path("records").asInt() >= 40, first.out());
      assertTrue(dv.count("lead") > 0 && dv.count("lead") < generated.counts().get("contacts"),
          () -> "a slice, not the whole source: " + dv.count("account") + " of " + generated.counts() + "\n" + first.out());
      JsonNode diff = result.path("diff");
      assertTrue(diff.path("tables").path("account").path("equal").asInt() > 0, first.out());
      assertEquals(0, differing(diff), "the standard set lands as mapped: " + first.out());
      Path html = project.resolve(".fmap/reports/sample-diff.html");
      assertEquals(html.toString(), result.path("html").asText());
      assertTrue(Files.readString(html).contains("<h2>account</h2>"), "the HTML report has the account table");

      // Change one mapped field behind fmap's back: the rerun upserts the same rows (unchanged ones are
      // skipped by content hash), so the change is still there for the diff to find.
      Map<String, Integer> landed = landed(dv);
      JsonNode account = first(diff, "account");
      String targetId = account.path("targetId").asText();
      try (TargetConnector target = targetOf(project, org)) {
        target.write("account", List.of(new RowWrite(account.path("source").asText(),
            new RowAddress.ById(UUID.fromString(targetId)), Map.of("name", "Renamed <by hand>"))));
      }
      Path elsewhere = dir.resolve("review/diff.html");
      Run again = run("sample", "--project", p, "--size", "40", "--html", elsewhere.toString());
      assertEquals(Fmap.FINDINGS, again.exit(), again.out() + again.err());
      assertEquals(landed, landed(dv), "a rerun duplicates nothing");
      assertTrue(again.out().contains("account " + targetId), again.out());
      assertTrue(again.out().contains("name: expected '"), again.out());
      assertTrue(again.out().contains("read 'Renamed <by hand>'"), again.out());
      assertTrue(again.out().contains("html: " + elsewhere), again.out());
      String page = Files.readString(elsewhere);
      assertTrue(page.contains("Renamed &lt;by hand&gt;"), "the value read back, escaped");
      assertFalse(page.contains("<by hand>"), "no markup from data");
    }
  }

  private static int differing(JsonNode diff) {
    int n = 0;
    for (JsonNode t : diff.path("tables")) n += t.path("differs").asInt();
    return n;
  }

  /** The first compared record of {@code table} that has a {@code name} column. */
  private static JsonNode first(JsonNode diff, String table) {
    for (JsonNode r : diff.path("records")) {
      if (!r.path("table").asText().equals(table) || !r.path("problem").isNull()) continue;
      for (JsonNode f : r.path("fields")) if (f.path("column").asText().equals("name")) return r;
    }
    throw new AssertionError("no " + table + " row with a name in " + diff);
  }

  /** The project's own target connector: the change goes through the same Web API fmap writes to. */
  private static TargetConnector targetOf(Path project, SystemSchema schema) throws Exception {
    DataVerbOptions options = new DataVerbOptions();
    options.project = project;
    return options.resolve().openTarget(schema);
  }

  private static Map<String, Integer> landed(DataverseEmulator dv) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String table : List.of("account", "contact", "lead", "opportunity", "annotation", "email", "task")) {
      counts.put(table, dv.count(table));
    }
    return counts;
  }
}
