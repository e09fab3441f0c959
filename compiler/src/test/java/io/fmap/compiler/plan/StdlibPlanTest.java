package io.fmap.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.emit.JavaEmitter;
import io.fmap.compiler.emit.ProjectCompiler;
import io.fmap.runtime.api.CompiledPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard mapping set, planned and compiled: what a new project starts from. */
class StdlibPlanTest {

  /** The compiler module's tests run in compiler/; the standard set sits next to it. */
  static final Path STDLIB = Path.of("..", "stdlib-mappings");

  private static final Options QUIET = new Options().withReporter(new QuietReporter());

  static ProjectPlan.Planned planned(Path dir) throws IOException {
    ProjectPlan plan = ProjectPlan.load(dir);
    assertTrue(plan.planned().isPresent(), () -> plan.check().diagnostics().toString());
    return plan.planned().get();
  }

  @Test
  void theStdlibPlanTextIsPinned() throws IOException {
    Approvals.verify(planned(STDLIB).text(), QUIET);
  }

  @Test
  void theStdlibPlanJsonIsPinned() throws IOException {
    Approvals.verify(planned(STDLIB).json(), QUIET.forFile().withExtension(".json"));
  }

  /** Spark stage colours have no place in a Dynamics choice: the plan says they stay behind, other value maps say nothing. */
  @Test
  void theStageColoursAreReportedAsNotTransferred() throws IOException {
    java.util.List<String> lines = planned(STDLIB).text().lines().toList();
    int stages = lines.indexOf(lines.stream().filter(l -> l.startsWith("  stage_to_salesstage:")).findFirst().orElseThrow());
    String report = lines.subList(stages, lines.size()).stream().filter(l -> l.contains("not transferred:")).findFirst()
        .orElseThrow();
    assertTrue(report.contains("\"Legal Review\" #e91e63"), report);
    assertEquals(1, lines.stream().filter(l -> l.contains("not transferred:")).count(), "only the stage map has colours");
  }

  /** Spark's pipeline name is what people see; the schema name Dataverse keys the process by is made from it. */
  @Test
  void aProcessShowsItsDisplayNameAndTheSchemaNameMadeFromIt() throws IOException {
    String plan = planned(STDLIB).text();
    assertTrue(plan.contains("process \"Enterprise / Q4 [2026]\" (schema name enterprise_q4_2026) on dynamics.opportunity"),
        plan);
    assertTrue(plan.contains("process \"Partners & Resellers\" (schema name partners_resellers) on"), plan);
  }

  @Test
  void theStdlibGeneratedJavaIsPinned() throws IOException {
    JavaEmitter.Emitted emitted = JavaEmitter.emit(planned(STDLIB).program());
    Approvals.verify(emitted.sources().stream().map(s -> "==== " + s.relativePath() + "\n" + s.code())
        .collect(Collectors.joining("\n")), QUIET);
  }

  @Test
  void planningTwiceGivesTheSameBytesAndHash() throws IOException {
    ProjectPlan.Planned first = planned(STDLIB);
    ProjectPlan.Planned again = planned(STDLIB);
    assertEquals(first.text(), again.text());
    assertEquals(first.json(), again.json());
    assertEquals(first.lock().render(), again.lock().render());
  }

  @Test
  void theStdlibCompilesToAPlanWithARouterPerMappedObject(@TempDir Path cache) throws IOException {
    ProjectPlan.Planned planned = planned(STDLIB);
    CompiledPlan plan = ProjectCompiler.compile(planned.program(), planned.lock().planHash(), cache).plan();
    assertEquals(planned.program().routings().size(), plan.routers().size());
    assertEquals(planned.lock().planHash(), plan.hash());
    assertEquals(planned.program().maps().size(), plan.maps().size());
  }

  /** A copy of the standard set in a temp folder, to approve and then change. */
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
  void nothingRunsBeforeApprovalAndAnApprovedPlanRuns(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir);
    ProjectPlan.Planned planned = planned(project);

    PlanApproval.Verdict before = PlanApproval.check(project, planned.lock());
    PlanApproval.approve(project, planned.lock());
    PlanApproval.Verdict after = PlanApproval.check(project, planned(project).lock());

    assertTrue(assertInstanceOf(PlanApproval.Verdict.Refused.class, before).message().contains("fmap plan --approve"));
    assertEquals(planned.lock().planHash(), assertInstanceOf(PlanApproval.Verdict.Approved.class, after).planHash());
  }

  @Test
  void aChangedMappingIsRefusedAndTheRefusalNamesWhatChanged(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir);
    PlanApproval.approve(project, planned(project).lock());
    Path contact = project.resolve("mappings/contact.fmap");
    Files.writeString(contact, Files.readString(contact).replace("lead_idle_days: int = 90", "lead_idle_days: int = 30"));

    PlanApproval.Verdict verdict = PlanApproval.check(project, planned(project).lock());

    PlanApproval.Verdict.Refused refused = assertInstanceOf(PlanApproval.Verdict.Refused.class, verdict);
    assertTrue(refused.changes().contains("params"), refused.changes().toString());
    assertTrue(refused.message().contains("changed since it was approved"), refused.message());
  }

  @Test
  void aChangedSchemaIsAChangedPlanEvenWhenNoLineMoves(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir);
    PlanApproval.approve(project, planned(project).lock());
    Path dynamics = project.resolve("schemas/dynamics.json");
    Files.writeString(dynamics, Files.readString(dynamics).replaceFirst("\"displayName\" : \"Account\"", "\"displayName\" : \"Client\""));

    PlanApproval.Verdict verdict = PlanApproval.check(project, planned(project).lock());

    assertEquals(java.util.List.of("schema dynamics"),
        assertInstanceOf(PlanApproval.Verdict.Refused.class, verdict).changes());
  }

  @Test
  void aDamagedLockIsRefusedWithTheLineToFix(@TempDir Path dir) throws IOException {
    Path project = copyOfStdlib(dir);
    Files.writeString(project.resolve(PlanLock.FILE_NAME), "format 1\nplan sha256:x\nbogus line\n");
    PlanApproval.Verdict verdict = PlanApproval.check(project, planned(project).lock());
    assertTrue(assertInstanceOf(PlanApproval.Verdict.Refused.class, verdict).message().startsWith("fmap.lock:3:"));
  }
}
