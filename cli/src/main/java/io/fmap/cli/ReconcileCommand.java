package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.cutover.Reconcile;
import io.fmap.runtime.exec.Owners;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.cutover.ReconcileReport;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmap reconcile}: does the target hold what the plan says the source should become? */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = {
        "Compare source, ledger and target, record by record.",
        "",
        "Per source object and table: the source count, the count the plan routes",
        "there, the ledger's standing writes and the target's rows; every record's",
        "presence; column values for a fixed sample of records (all of them with",
        "--full) and a checksum per mapped column. Mismatches are listed with source and",
        "target ids: not_loaded, missing_in_target, not_in_source, value. With --run ID,",
        "only the records that run wrote (or tried to): a migrate's or a delta's own",
        "rows.",
        "Reads only. Exit 1 on any mismatch."},
    footer = {"", "Examples:",
        "  # presence, plus the values of one record in 10",
        "  fmap reconcile --source-dir ./spark-export",
        "  # every value; also an HTML page",
        "  fmap reconcile --full --html reconcile.html",
        "  # every value of what delta run 7 wrote",
        "  fmap reconcile --run 7 --full"})
public final class ReconcileCommand implements Callable<Integer> {
  @CommandLine.Mixin DataVerbOptions data;
  @CommandLine.Mixin ProgressOptions progress;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--full", description = "compare the values of every record, not a sample") boolean full;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "10",
      description = "without --full, compare the values of one record in N, the same ones each time (default: ${DEFAULT-VALUE})")
  int sample;

  @Option(names = "--run", paramLabel = "ID",
      description = "reconcile only the records this run wrote or tried to (ids in `fmap report`)")
  Long run;

  @Option(names = "--json", description = "print JSON instead of text") boolean json;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the report as an HTML page to FILE") Path html;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sample < 1) {
      err.println("error: --sample needs a whole number of 1 or more");
      return Fmap.USAGE;
    }
    ReconcileReport report;
    try {
      CutoverProject.Ready ready = CutoverProject.open(data);
      try (ProgressDisplay display = progress.open("reconcile", err, json);
           Ledger ledger = Ledger.open(ready.project().ledger());
           SourceConnector source = new CountingSource(ready.project().openSource(), display.renderer());
           TargetConnector target = ready.openTarget()) {
        if (run != null && ledger.run(run).isEmpty()) {
          throw VerbStop.usage("the ledger has no run " + run + "; `fmap report` lists the runs it has");
        }
        List<SourceUser> users = DataProject.sourceUsers(source);
        Owners owners = new Owners(ready.project().owners(users, target), users);
        Reconcile reconcile = new Reconcile(ready.plan(), source, target, ready.targetSchema(), ledger, owners,
            Clock.systemUTC());
        report = run == null ? reconcile.run(full, sample) : reconcile.runOf(run, full, sample);
      }
    } catch (VerbStop stop) {
      err.println("error: " + stop.getMessage());
      return stop.exitCode();
    } catch (DataVerbOptions.Unusable e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    } catch (LedgerException e) {
      err.println("error: " + e.getMessage());
      return Fmap.BLOCKED;
    }
    out.print(json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()) + "\n"
        : report.toText());
    if (html != null) Files.writeString(html, report.toHtml(), StandardCharsets.UTF_8);
    out.flush();
    return report.clean() ? Fmap.OK : Fmap.FINDINGS;
  }
}
