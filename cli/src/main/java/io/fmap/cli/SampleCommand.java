package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.exec.LoadException;
import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.exec.sample.SampleDiffHtml;
import io.fmap.runtime.exec.sample.SampleRun;
import io.fmap.runtime.exec.sample.SampleSelection;
import io.fmap.runtime.exec.sample.SampleSelector;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.ledger.WriterLock;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap sample}: migrate a representative slice, read it back and diff it field by field. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {
        "Migrate a slice of the source and compare every field that lands.",
        "",
        "The slice spans every object and every route and is closed under references",
        "(a sampled deal brings its company and contact). Each row is read back from",
        "the target and every mapped field compared: equal, transformed as mapped, or",
        "differs. Prints the counts per table and each differing field, and writes an",
        "HTML report. Rows are upserted by the keys the full run uses: rerunning the",
        "sample after fixing a .fmap file updates the same rows, and the full run never",
        "duplicates them.",
        "Refuses (exit 3) without an approved, unchanged plan (fmap plan --approve).",
        "Exit 1 when a field differs or a sampled record did not land."},
    footer = {"", "Examples:",
        "  # 300 records; the report goes to .fmap/reports/sample-diff.html",
        "  fmap sample --source-dir ./spark-export",
        "  # another slice; one JSON result object",
        "  fmap sample --size 50 --seed 7 --json",
        "  # the HTML report where a reviewer finds it",
        "  fmap sample --html review/diff.html"})
public final class SampleCommand implements Callable<Integer> {
  @CommandLine.Mixin DataVerbOptions data;
  @CommandLine.Mixin ProgressOptions progress;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--size", paramLabel = "N", defaultValue = "" + SampleSelector.DEFAULT_SIZE,
      description = "records to pick, shared among the objects by volume (default: ${DEFAULT-VALUE})")
  int size;

  // A fixed default, so a rerun after a correction checks the same records.
  @CommandLine.Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "the same seed picks the same records (default: ${DEFAULT-VALUE})")
  long seed;

  @CommandLine.Option(names = "--json", description = "print one JSON object at the end instead of text")
  boolean json;

  @CommandLine.Option(names = "--html", paramLabel = "FILE",
      description = "where to write the HTML report (default: <project>/.fmap/reports/" + SampleDiffHtml.FILE_NAME + ")")
  Path html;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (size < 1) throw VerbStop.usage("--size needs a whole number of 1 or more");
      DataProject project = resolve();
      ApprovedPlan.Result approved = ApprovedPlan.load(project.dir());
      if (approved instanceof ApprovedPlan.Result.Refused refused) throw VerbStop.blocked(refused.message());
      SampleRun.Result result = sample((ApprovedPlan.Result.Ready) approved, project, err);
      Path page = html != null ? html.toAbsolutePath() : project.dir().resolve(".fmap").resolve("reports")
          .resolve(SampleDiffHtml.FILE_NAME);
      write(result, page);
      print(result, page, out);
      return result.diff().hasDifferences() || result.load().hasFailures() ? Fmap.FINDINGS : Fmap.OK;
    } catch (VerbStop stop) {
      err.println("error: " + stop.getMessage());
      err.flush();
      return stop.exitCode();
    }
  }

  private DataProject resolve() throws VerbStop {
    try {
      return data.resolve();
    } catch (DataVerbOptions.Unusable e) {
      throw VerbStop.usage(e.getMessage());
    }
  }

  private SampleRun.Result sample(ApprovedPlan.Result.Ready plan, DataProject project, PrintWriter err)
      throws VerbStop {
    String who = CutoverProject.who();
    try (Ledger ledger = Ledger.open(project.ledger());
         WriterLock lock = ledger.lockForWriting("fmap sample (pid " + ProcessHandle.current().pid() + ", " + who + ")");
         SourceConnector source = project.openSource();
         TargetConnector target = project.openTarget(plan.targetSchema());
         ProgressDisplay display = progress.open("sample", err, json)) {
      display.countThrottlesOf(target);
      List<SourceUser> users = DataProject.sourceUsers(source);
      return new SampleRun(plan.plan(), source, target, plan.targetSchema(), ledger).reportingTo(display.renderer())
          .run(size, seed, project.owners(users, target), users, LoadExecutor.Options.full(who));
    } catch (DataVerbOptions.Unusable e) {
      throw VerbStop.usage(e.getMessage());
    } catch (LedgerException e) {
      // another writer holds the ledger, or it cannot be opened: nothing was sent
      throw VerbStop.blocked(e.getMessage());
    } catch (LoadException e) {
      throw new VerbStop(Fmap.FINDINGS, e.getMessage() + "; ledger: " + project.ledger().redacted());
    }
  }

  private void write(SampleRun.Result result, Path page) throws VerbStop {
    try {
      if (page.getParent() != null) Files.createDirectories(page.getParent());
      Files.writeString(page, SampleDiffHtml.render(result.diff()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw VerbStop.usage("cannot write the HTML report to " + page + " (" + e.getMessage()
          + "); pass --html FILE in a folder you can write to");
    }
  }

  private void print(SampleRun.Result result, Path page, PrintWriter out) throws IOException {
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = mapper.createObjectNode();
      root.set("selection", selectionJson(result.selection(), mapper));
      root.set("load", result.load().toJson());
      root.set("diff", result.diff().toJson());
      root.put("html", page.toString());
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.print(result.selection().toText());
      out.print(result.load().toText());
      out.print(result.diff().toText());
      out.println("html: " + page);
    }
    out.flush();
  }

  private static ObjectNode selectionJson(SampleSelection selection, ObjectMapper mapper) {
    ObjectNode node = mapper.createObjectNode();
    node.put("seed", selection.seed());
    node.put("size", selection.size());
    node.put("records", selection.records().size());
    node.put("referenced", selection.referenced().size());
    ObjectNode routes = node.putObject("routes");
    selection.byRoute().forEach(routes::put);
    return node;
  }
}
