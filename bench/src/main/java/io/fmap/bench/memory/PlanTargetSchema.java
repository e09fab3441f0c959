package io.fmap.bench.memory;

import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.schema.SchemaSnapshots;
import java.nio.file.Path;

/**
 * {@code PlanTargetSchema PROJECT OUT.json}: writes the Dynamics schema the project's plan targets
 * (the org as after {@code fmap schema apply}), for {@code fmap emulate dataverse --schema}. The
 * memory script starts the emulator in its own JVM with it, so that the migrate process it measures
 * holds only fmap.
 */
public final class PlanTargetSchema {
  private PlanTargetSchema() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PlanTargetSchema PROJECT_DIR OUT.json");
      System.exit(2);
    }
    ProjectPlan plan = ProjectPlan.load(Path.of(args[0]));
    ProjectPlan.Planned planned = plan.planned().orElseThrow(() -> new IllegalStateException(
        args[0] + " does not check: " + plan.check().diagnostics()));
    SchemaSnapshots.write(Path.of(args[1]), planned.program().target());
  }
}
