package io.fmap.cli;

import io.fmap.compiler.plan.PlanApproval;
import io.fmap.compiler.plan.PlanLock;
import io.fmap.compiler.plan.ProjectPlan;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmap plan}: the reviewable plan of a project, and its approval. */
@Command(name = "plan",
    mixinStandardHelpOptions = true,
    description = {
        "Check a project and print its plan for review and approval.",
        "",
        "The plan lists params, schema changes, load order, every map with its fields",
        "(target <- expression [file:line]), value maps, two-pass lookups, warnings.",
        "Same inputs, same bytes. --approve records the plan in fmap.lock; verbs that",
        "write data refuse to run until the plan they would run is the approved one.",
        "Exit code 0 when planned (or approved), 1 when the project has errors, 2 for a",
        "usage mistake."},
    footer = {"", "Examples:",
        "  fmap plan stdlib-mappings                   print the plan",
        "  fmap plan . --out plan.txt                  write it for the pull request",
        "  fmap plan . --format json                   the same facts as JSON",
        "  fmap plan . --approve                       approve it (commit fmap.lock)"})
public final class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".",
      description = "The project folder (with mappings and schemas/); default: the current folder.")
  Path dir;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the plan to FILE instead of the terminal.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json.")
  String format;

  @Option(names = "--approve", description = "Approve this plan: write fmap.lock in DIR.")
  boolean approve;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Unknown --format " + format + ": use text or json");
    }
    if (!Files.isDirectory(dir)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "No such project folder: " + dir + " (e.g. fmap plan stdlib-mappings)");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    ProjectPlan plan = ProjectPlan.load(dir);
    java.util.Optional<ProjectPlan.Planned> checked = ProjectSources.plannedOrReport(plan, stderr,
        "no plan: fix the errors above, then run fmap plan again");
    if (checked.isEmpty()) return Fmap.FINDINGS;
    ProjectPlan.Planned planned = checked.get();
    String rendered = format.equals("json") ? planned.json() : planned.text();
    if (out != null) {
      Files.writeString(out, rendered, StandardCharsets.UTF_8);
    } else {
      stdout.print(rendered);
    }
    if (approve) {
      PlanApproval.approve(dir, planned.lock());
      stderr.println("approved plan " + planned.lock().planHash() + " in " + dir.resolve(PlanLock.FILE_NAME)
          + "; commit it with the mappings");
    }
    stdout.flush();
    stderr.flush();
    return Fmap.OK;
  }
}
