package io.fmap.cli;

import io.fmap.compiler.Project;
import io.fmap.compiler.diag.SourceLookup;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of a project's files, so diagnostics can show the offending line. */
final class ProjectSources {

  private ProjectSources() {}

  /**
   * The plan of a checked project, or empty after printing its diagnostics and what to do next
   * ({@code nothing compiled: fix the errors above, then run fmap compile again}).
   */
  static java.util.Optional<io.fmap.compiler.plan.ProjectPlan.Planned> plannedOrReport(
      io.fmap.compiler.plan.ProjectPlan plan, java.io.PrintWriter err, String nextStep) {
    if (plan.planned().isEmpty()) {
      err.print(new io.fmap.compiler.diag.TextRenderer(false).render(plan.check().diagnostics(), of(plan.project())));
      err.println(nextStep);
      err.flush();
    }
    return plan.planned();
  }

  static SourceLookup of(Project project) {
    Map<String, String> texts = new LinkedHashMap<>();
    project.files().forEach(f -> texts.put(f.path(), f.text()));
    return SourceLookup.of(texts);
  }
}
