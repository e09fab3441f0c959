package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.exec.LoadException;
import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.exec.ObjectSummary;
import io.fmap.runtime.exec.RunSummary;
import io.fmap.runtime.exec.preflight.PreflightReport;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.ledger.WriterLock;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap migrate}: the full load of the approved plan, resumable, with its audit in the ledger. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {
        "Load every record the approved plan maps, tier by tier in order.",
        "",
        "Tiers load in the plan's order. Refuses (exit 3) without an approved, unchanged",
        "plan (fmap plan --approve) and without a clean preflight (or --accept-warnings).",
        "A bad record is quarantined with its reason and the run goes on; the end shows",
        "read, created, updated, skipped, failed and quarantined per object, records/s",
        "and the ledger path. Run it again after a crash or an interruption: it resumes",
        "the same run and never writes a record twice.",
        "Exit 1 when some record failed or was quarantined."},
    footer = {"", "Examples:",
        "  fmap migrate --source-dir ./spark-export     the full load into dataverse.url",
        "  fmap migrate --accept-warnings --json        load despite record findings;",
        "                                               one JSON result object"})
public final class MigrateCommand implements Callable<Integer> {
  @CommandLine.Mixin DataVerbOptions data;
  @CommandLine.Mixin ProgressOptions progress;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--json", description = "print one JSON object at the end instead of text")
  boolean json;

  @CommandLine.Option(names = "--accept-warnings",
      description = "load even though preflight found records that would not land, or blockers")
  boolean acceptWarnings;

  @CommandLine.Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
      description = "records per batch, one ledger commit each (default: ${DEFAULT-VALUE})")
  int batchSize;

  @CommandLine.Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
      description = "batches written at once (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (batchSize < 1 || parallelism < 1) {
      err.println("error: --batch-size and --parallelism need a whole number of 1 or more");
      return Fmap.USAGE;
    }
    DataProject project;
    try {
      project = data.resolve();
    } catch (DataVerbOptions.Unusable e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
    ApprovedPlan.Result approved = ApprovedPlan.load(project.dir());
    if (approved instanceof ApprovedPlan.Result.Refused refused) {
      err.println("error: " + refused.message());
      return Fmap.BLOCKED;
    }
    ApprovedPlan.Result.Ready plan = (ApprovedPlan.Result.Ready) approved;
    try {
      PreflightReport preflight;
      try (ProgressDisplay display = progress.open("preflight", err, json)) {
        preflight = PreflightCommand.run(plan, project, 150, display.renderer());
      }
      if (!clean(preflight) && !acceptWarnings) {
        err.print(preflight.toText());
        err.println("error: preflight is not clean; fix the mappings or the data, or pass --accept-warnings to load"
            + " the records that can land");
        return Fmap.BLOCKED;
      }
      return load(plan, project, preflight, out, err);
    } catch (DataVerbOptions.Unusable e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
  }

  private static boolean clean(PreflightReport report) {
    return !report.hasBlockers() && report.findings().isEmpty() && report.parentCycles().isEmpty();
  }

  private int load(ApprovedPlan.Result.Ready plan, DataProject project, PreflightReport preflight, PrintWriter out,
      PrintWriter err)
      throws Exception {
    String who = System.getProperty("user.name", "fmap");
    try (Ledger ledger = Ledger.open(project.ledger());
         WriterLock lock = ledger.lockForWriting("fmap migrate (pid " + ProcessHandle.current().pid() + ", " + who + ")");
         SourceConnector source = project.openSource();
         TargetConnector target = project.openTarget(plan.targetSchema())) {
      List<SourceUser> users = DataProject.sourceUsers(source);
      LoadExecutor.Options options = LoadExecutor.Options.full(who).withBatchSize(batchSize).withParallelism(parallelism);
      RunSummary summary;
      try (ProgressDisplay display = progress.open("migrate", err, json)) {
        display.countThrottlesOf(target);
        preflight.volumes().forEach(display.renderer()::expect);
        summary = new LoadExecutor(plan.plan(), source, target, plan.targetSchema(), ledger,
            project.owners(users, target), users, options).reportingTo(display.renderer()).run();
      } catch (LoadException e) {
        err.println("error: " + e.getMessage());
        err.println("ledger: " + project.ledger().redacted());
        return Fmap.FINDINGS;
      }
      print(summary, preflight, project, out);
      return summary.hasFailures() ? Fmap.FINDINGS : Fmap.OK;
    } catch (LedgerException e) {
      err.println("error: " + e.getMessage());
      return Fmap.BLOCKED;
    }
  }

  /**
   * Source records read: a source object routed to several tables has one summary line per table,
   * each with the object's whole read count, so counting lines would count its records several times.
   */
  static long recordsRead(RunSummary summary) {
    return summary.objects().stream().collect(java.util.stream.Collectors.toMap(ObjectSummary::sourceObject,
        ObjectSummary::read, Math::max)).values().stream().mapToLong(Long::longValue).sum();
  }

  private void print(RunSummary summary, PreflightReport preflight, DataProject project, PrintWriter out)
      throws Exception {
    long read = recordsRead(summary);
    double seconds = Math.max(summary.elapsed().toMillis(), 1) / 1000.0;
    long perSecond = Math.round(read / seconds);
    if (json) {
      ObjectNode root = new ObjectMapper().createObjectNode();
      root.set("summary", summary.toJson());
      root.set("preflight", preflight.toJson());
      root.put("ledger", project.ledger().redacted());
      root.put("recordsRead", read);
      root.put("seconds", seconds);
      root.put("recordsPerSecond", perSecond);
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.print(summary.toText());
      out.println(read + " records read in " + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s ("
          + perSecond + " records/s)");
      out.println("ledger: " + project.ledger().redacted());
    }
    out.flush();
  }
}
