package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.schema.SchemaSnapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/**
 * The example projects in {@code samples/} stay usable: each checks clean, its plan is pinned (a
 * change to the mappings, the checker or the planner shows up in review), and the target schema the
 * README starts the Dataverse emulator with is the one its plan needs.
 */
class SamplesTest {
  /** The cli module's tests run in cli/. */
  private static final Path SAMPLES = Path.of("..", "samples");
  private static final Options QUIET = new Options().withReporter(new QuietReporter());
  /** Set to rewrite samples/&lt;name&gt;/plan/dynamics-target.json after a deliberate change. */
  private static final boolean UPDATE = Boolean.getBoolean("fmap.samples.update");

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static void checksClean(String sample) {
    CliRun check = run("check", SAMPLES.resolve(sample).toString());
    assertEquals(Fmap.OK, check.exit(), check.out() + check.err());
    assertTrue(check.out().contains(": 0 errors, 0 warnings"), check.out());
  }

  private static String plan(String sample) {
    CliRun plan = run("plan", SAMPLES.resolve(sample).toString());
    assertEquals(Fmap.OK, plan.exit(), plan.err());
    return plan.out();
  }

  private static void targetSchemaIsThePlans(String sample) throws IOException {
    Path project = SAMPLES.resolve(sample);
    String wanted = SchemaSnapshots.toJson(ProjectPlan.load(project).planned().orElseThrow().program().target());
    Path pinned = project.resolve("plan").resolve("dynamics-target.json");
    if (UPDATE) {
      Files.createDirectories(pinned.getParent());
      Files.writeString(pinned, wanted, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(pinned), pinned + " is missing; run this test with -Dfmap.samples.update=true");
    assertEquals(wanted, Files.readString(pinned, StandardCharsets.UTF_8),
        pinned + " is not the plan's target schema; rerun this test with -Dfmap.samples.update=true and review the diff");
  }

  @Test
  void acmeChecksClean() {
    checksClean("acme");
  }

  @Test
  void acmePlan() {
    Approvals.verify(plan("acme"), QUIET);
  }

  @Test
  void acmeTargetSchemaIsThePlans() throws IOException {
    targetSchemaIsThePlans("acme");
  }

  @Test
  void customObjectsChecksClean() {
    checksClean("custom-objects");
  }

  @Test
  void customObjectsPlan() {
    Approvals.verify(plan("custom-objects"), QUIET);
  }

  @Test
  void customObjectsTargetSchemaIsThePlans() throws IOException {
    targetSchemaIsThePlans("custom-objects");
  }
}
