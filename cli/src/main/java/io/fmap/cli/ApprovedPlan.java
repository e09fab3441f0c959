package io.fmap.cli;

import io.fmap.compiler.emit.ProjectCompiler;
import io.fmap.compiler.plan.PlanApproval;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The gate every verb that writes data goes through: the project's plan, compiled, but only when it
 * is the plan approved in {@code fmap.lock}. A verb given {@link Result.Refused} prints its message
 * and exits {@link Fmap#BLOCKED}.
 */
public final class ApprovedPlan {

  private ApprovedPlan() {}

  public sealed interface Result {
    /**
     * @param targetSchema the pinned Dynamics schema with the plan's schema changes applied: what the
     *                     org looks like once {@code fmap schema apply} has run, which the load writes to
     */
    record Ready(CompiledPlan plan, SystemSchema targetSchema) implements Result {}

    record Refused(String message) implements Result {}
  }

  public static Result load(Path projectDir) throws IOException {
    ProjectPlan plan = ProjectPlan.load(projectDir);
    if (plan.planned().isEmpty()) {
      return new Result.Refused("the project has errors; run `fmap check` (or `fmap plan`) in " + projectDir);
    }
    ProjectPlan.Planned planned = plan.planned().get();
    PlanApproval.Verdict verdict = PlanApproval.check(projectDir, planned.lock());
    if (verdict instanceof PlanApproval.Verdict.Refused refused) return new Result.Refused(refused.message());
    return new Result.Ready(ProjectCompiler.compile(planned.program(), planned.lock().planHash(),
        ProjectCompiler.defaultCacheDir(projectDir)).plan(), planned.program().target());
  }
}
