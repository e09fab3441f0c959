package io.fmap.cli;

import io.fmap.runtime.cutover.AuditReport;
import io.fmap.runtime.cutover.AuditReportFormat;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmap report}: the audit of the runs in the project's ledger. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
        "Show what the runs in the project's ledger did.",
        "",
        "Per run its mode, status, who and plan hash; per object and table the records",
        "created, updated, skipped, failed and quarantined; errors grouped by code with",
        "examples; throttle waits and checkpoints. Reads only the ledger (no source or",
        "target needed) and takes no lock, so it works while a run is going.",
        "Exit 1 when some run has failed, quarantined or in-doubt records."},
    footer = {"", "Examples:",
        "  fmap report                            every run, oldest first",
        "  fmap report --run 3 --html run3.html   one run, and a self-contained HTML page",
        "  fmap report --json > audit.json        machine-readable: {\"runs\": [...]}"})
public final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
      description = "the project folder, holding fmap.yaml (default: the current folder)")
  Path project;

  @Option(names = "--run", paramLabel = "ID", description = "only this run (default: every run)")
  Long run;

  @Option(names = "--json", description = "print JSON instead of text")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the report as an HTML page to FILE")
  Path html;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AuditReport report;
    try (Ledger ledger = Ledger.open(CutoverProject.ledgerOnly(project))) {
      report = AuditReport.read(ledger, run == null ? OptionalLong.empty() : OptionalLong.of(run));
    } catch (VerbStop stop) {
      err.println("error: " + stop.getMessage());
      return stop.exitCode();
    } catch (LedgerException e) {
      err.println("error: " + e.getMessage());
      return run == null ? Fmap.BLOCKED : Fmap.USAGE;
    }
    out.print(json ? AuditReportFormat.jsonText(report) : AuditReportFormat.text(report));
    if (html != null) Files.writeString(html, AuditReportFormat.html(report), StandardCharsets.UTF_8);
    out.flush();
    return report.hasProblems() ? Fmap.FINDINGS : Fmap.OK;
  }
}
