package io.fmap.compiler.plan;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.Project;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.GnuRenderer;
import io.fmap.compiler.diag.Severity;
import io.fmap.compiler.ir.Program;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A project folder checked and planned: the checker's findings and, when there is no error, the
 * program, its plan in both forms and the lock that would approve it.
 */
public record ProjectPlan(Project project, CheckResult check, Optional<Planned> planned) {

  /** The plan of a project that checked without error. */
  public record Planned(Program program, PlanDocument document, String text, PlanLock lock) {
    public String json() {
      return PlanJson.render(document);
    }
  }

  /**
   * Reads and checks a project folder ({@code mappings/**.fmap}, {@code schemas/}, {@code fmap.yaml}).
   *
   * @throws ProjectException when the folder has no schemas or a file cannot be read
   */
  public static ProjectPlan load(Path dir) throws IOException {
    ProjectLoader.Schemas schemas = ProjectLoader.schemas(dir).orElseThrow(() -> new ProjectException(
        dir + " has no schemas/spark.json and schemas/dynamics.json; run `fmap schema pull` there first"));
    return of(new Project(ProjectLoader.load(dir).files(), schemas.source(), schemas.target(),
        ProjectLoader.config(dir)));
  }

  public static ProjectPlan of(Project project) {
    CheckResult check = Compiler.check(project);
    Optional<Planned> planned = check.program().filter(p -> !check.hasErrors()).map(program -> {
      PlanDocument document = PlanDocument.of(program, warnings(check.diagnostics()));
      String text = PlanText.render(document);
      return new Planned(program, document, text, PlanLock.of(document, text, program.source(), program.target()));
    });
    return new ProjectPlan(project, check, planned);
  }

  /** Warnings as one-line {@code file:line:col: warning[FMxxxx]: message}, in reading order. */
  static List<String> warnings(List<Diagnostic> diagnostics) {
    GnuRenderer gnu = new GnuRenderer();
    return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING)
        .map(d -> gnu.render(List.of(d), null).strip()).toList();
  }

  /** A project folder fmap cannot plan, with what to do about it. */
  public static final class ProjectException extends RuntimeException {
    public ProjectException(String message) {
      super(message);
    }
  }
}
