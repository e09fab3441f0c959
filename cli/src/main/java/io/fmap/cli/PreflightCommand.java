package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.exec.LoadProgress;
import io.fmap.runtime.exec.preflight.Preflight;
import io.fmap.runtime.exec.preflight.PreflightReport;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap preflight}: a dry run of the approved plan over the whole source, sending nothing. */
@Command(name = "preflight", mixinStandardHelpOptions = true,
    description = {
        "Check the approved plan against the data before anything moves.",
        "",
        "It checks owners matched by email (unmatched, duplicate, disabled, the fallback",
        "rule), custom tables against the licence cap, records that would not land (too",
        "long, missing required, unmapped values, broken references, parent loops), and",
        "the volume per object with an estimated duration. Nothing is written to the",
        "target. Exit 1 when a blocker exists (a record without owner, too many custom",
        "tables)."},
    footer = {"", "Examples:",
        "  fmap preflight --source-dir ./spark-export   check the export files",
        "  fmap preflight --project acme --json         one JSON object, for CI"})
public final class PreflightCommand implements Callable<Integer> {
  @CommandLine.Mixin DataVerbOptions data;
  @CommandLine.Mixin ProgressOptions progress;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @CommandLine.Option(names = "--records-per-second", paramLabel = "N", defaultValue = "150",
      description = "throughput the duration is estimated from (default: ${DEFAULT-VALUE}, measured end to end"
          + " against the emulator, docs/runtime.md)")
  double recordsPerSecond;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataProject project;
    try {
      project = data.resolve();
    } catch (DataVerbOptions.Unusable e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
    ApprovedPlan.Result plan = ApprovedPlan.load(project.dir());
    if (plan instanceof ApprovedPlan.Result.Refused refused) {
      err.println("error: " + refused.message());
      return Fmap.BLOCKED;
    }
    PreflightReport report;
    try {
      try (ProgressDisplay display = progress.open("preflight", err, json)) {
        report = run((ApprovedPlan.Result.Ready) plan, project, recordsPerSecond, display.renderer());
      }
    } catch (DataVerbOptions.Unusable e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()));
    } else {
      out.print(report.toText());
    }
    out.flush();
    return report.hasBlockers() ? Fmap.FINDINGS : Fmap.OK;
  }

  /**
   * The preflight of {@code plan}, with its own connectors (migrate runs it before it loads), telling
   * {@code progress} of every record read (a small object read for {@code ref(...)} lookups counts too).
   */
  static PreflightReport run(ApprovedPlan.Result.Ready plan, DataProject project, double recordsPerSecond,
      LoadProgress progress) throws DataVerbOptions.Unusable {
    try (SourceConnector source = new CountingSource(project.openSource(), progress);
         TargetConnector target = project.openTarget(plan.targetSchema())) {
      List<SourceUser> users = DataProject.sourceUsers(source);
      return new Preflight(plan.plan(), source, plan.targetSchema(), project.owners(users, target), users,
          Preflight.Settings.spark(recordsPerSecond)).run();
    }
  }
}
