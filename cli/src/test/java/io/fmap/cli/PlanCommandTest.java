package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

  /** The cli module's tests run in cli/; the standard mapping set sits next to it. */
  static final Path STDLIB = Path.of("..", "stdlib-mappings");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    picocli.CommandLine cli = Fmap.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  static Path copyOfStdlib(Path dir) throws IOException {
    for (String sub : new String[] {"mappings", "schemas"}) {
      Files.createDirectories(dir.resolve(sub));
      try (var files = Files.list(STDLIB.resolve(sub))) {
        for (Path f : files.toList()) Files.copy(f, dir.resolve(sub).resolve(f.getFileName()));
      }
    }
    return dir;
  }

  @Test
  void planPrintsTheDeterministicPlanOfAProject() {
    assertEquals(Fmap.OK, run("plan", STDLIB.toString()), err::toString);
    assertTrue(out.toString().startsWith("fmap plan, format 1\n"), out::toString);
    assertTrue(out.toString().contains("Contact_to_lead: spark.Contact -> dynamics.lead"), out::toString);
  }

  @Test
  void planWritesJsonToAFileAndApproves(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir.resolve("p"));
    Path json = dir.resolve("plan.json");

    assertEquals(Fmap.OK, run("plan", project.toString(), "--format", "json", "--out", json.toString(), "--approve"), err::toString);

    assertTrue(Files.readString(json).contains("\"maps\""));
    assertTrue(Files.readString(project.resolve("fmap.lock")).contains("plan sha256:"));
    assertTrue(err.toString().contains("approved plan sha256:"), err::toString);
  }

  @Test
  void theApprovalGateRefusesUntilThePlanIsApproved(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir);
    assertTrue(ApprovedPlan.load(project) instanceof ApprovedPlan.Result.Refused);
    assertEquals(Fmap.OK, run("plan", project.toString(), "--approve"));
    assertTrue(ApprovedPlan.load(project) instanceof ApprovedPlan.Result.Ready);
  }

  @Test
  void aProjectWithErrorsGetsDiagnosticsAndExitCodeOne(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir);
    Files.writeString(project.resolve("mappings/broken.fmap"), "map spark.Nope -> dynamics.account {\n}\n");
    assertEquals(Fmap.FINDINGS, run("plan", project.toString()));
    assertTrue(err.toString().contains("broken.fmap"), err::toString);
    assertTrue(err.toString().contains("no plan: fix the errors above"), err::toString);
  }

  @Test
  void unknownFormatAndMissingFolderAreUsageErrors() {
    assertEquals(Fmap.USAGE, run("plan", STDLIB.toString(), "--format", "xml"));
    assertEquals(Fmap.USAGE, run("plan", "no/such/folder"));
  }

  @Test
  void compileEmitsTheGeneratedJavaAndCachesTheClasses(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir.resolve("p"));
    Path gen = dir.resolve("gen");

    assertEquals(Fmap.OK, run("compile", project.toString(), "--emit-java", gen.toString()), err::toString);
    assertEquals(Fmap.OK, run("compile", project.toString()), err::toString);

    assertTrue(Files.isRegularFile(gen.resolve("io/fmap/generated/Contact_to_lead.java")));
    assertTrue(Files.readString(gen.resolve("io/fmap/generated/Contact_to_lead.java")).contains("// mappings/contact.fmap:"));
    assertTrue(out.toString().contains("from the cache"), out::toString);
  }
}
