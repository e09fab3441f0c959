package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.cutover.DataverseRollbackTarget;
import io.fmap.runtime.cutover.Delta;
import io.fmap.runtime.cutover.DeltaWatch;
import io.fmap.runtime.cutover.SourceDeletions;
import io.fmap.runtime.cutover.UndoOrder;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.exec.LoadException;
import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.WriterLock;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmap delta}: load what changed in the source since the last run, minding edits made in the target. */
@Command(name = "delta", mixinStandardHelpOptions = true,
    description = {
        "Load what changed in the source since each object's watermark.",
        "",
        "The load is a run of mode delta: only changed records are read (the watermark",
        "goes to the source); records without updated_at are read and skipped by",
        "content hash when unchanged. A record whose target row's version (ETag) is no",
        "longer the one fmap's last write left is a conflict: --policy report (default)",
        "holds it back and lists it, target-wins keeps the target's row, source-wins",
        "overwrites it. Records fmap wrote that the source no longer has are listed, not",
        "deleted; --apply-deletes --yes deletes their rows, as a run of its own that",
        "`fmap rollback` can undo. --watch repeats the pass every --every until --until",
        "has passed (Ctrl-C stops it).",
        "Exit 1 on conflicts under report or records that did not land."},
    footer = {"", "Examples:",
        "  # one pass; conflicts listed, not loaded",
        "  fmap delta --source-dir ./spark-export",
        "  # one pass, source changes win",
        "  fmap delta --policy source-wins --json",
        "  # a pass every 15 minutes through the cutover",
        "  fmap delta --watch --every 15m --until 48h",
        "  # also delete rows of records deleted in Spark",
        "  fmap delta --apply-deletes --yes"})
public final class DeltaCommand implements Callable<Integer> {
  @CommandLine.Mixin DataVerbOptions data;
  @CommandLine.Mixin ProgressOptions progress;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "report",
      description = "source-wins, target-wins or report: what to do with records changed on both sides (default: ${DEFAULT-VALUE})")
  String policy;

  @Option(names = "--watch", description = "repeat the pass on a schedule (see --every and --until)") boolean watch;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "15m",
      description = "with --watch, time from one pass's start to the next: 30s, 15m, 2h (default: ${DEFAULT-VALUE})")
  String every;

  @Option(names = "--until", paramLabel = "DURATION", defaultValue = "48h",
      description = "with --watch, stop after this long: 48h, 2d (default: ${DEFAULT-VALUE})")
  String until;

  @Option(names = "--json", description = "print JSON instead of text") boolean json;

  @Option(names = "--apply-deletes", description = "delete in the target the rows of records the source no longer"
      + " has (each with its before-image in the ledger: `fmap rollback RUN` brings them back); needs --yes")
  boolean applyDeletes;

  @Option(names = "--yes", description = "with --apply-deletes: really delete") boolean yes;

  /** What --apply-deletes did in each pass, in pass order. */
  private final List<SourceDeletions.Result> deletions = new java.util.ArrayList<>();

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
      description = "records per batch, one ledger commit each (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Delta.Policy chosen;
    DeltaWatch schedule;
    try {
      chosen = Delta.Policy.parse(policy);
      schedule = watch ? new DeltaWatch(DeltaWatch.parseDuration(every), DeltaWatch.parseDuration(until),
          Clock.systemUTC(), d -> Thread.sleep(d.toMillis())) : null;
      if (batchSize < 1) throw new IllegalArgumentException("--batch-size needs a whole number of 1 or more");
      if (applyDeletes && !yes) {
        throw new IllegalArgumentException("--apply-deletes deletes rows in Dynamics: add --yes to do it (without "
            + "--apply-deletes the records gone from the source are only listed)");
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
    try {
      CutoverProject.Ready ready = CutoverProject.open(data);
      try (SourceConnector probe = ready.project().openSource()) {
        // settings the source needs (its token) are checked once, before any pass starts
      }
      List<Delta.Result> results = schedule == null ? List.of(pass(ready, chosen, out, err))
          : schedule.watch(() -> pass(ready, chosen, out, err), () -> Thread.currentThread().isInterrupted());
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode passes = mapper.createArrayNode();
        for (int i = 0; i < results.size(); i++) {
          ObjectNode pass = toJson(results.get(i));
          if (i < deletions.size()) pass.set("deletes", toJson(deletions.get(i)));
          passes.add(pass);
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.createObjectNode().set("passes", passes)));
      }
      out.flush();
      boolean refused = deletions.stream().anyMatch(d -> !d.failed().isEmpty());
      return refused || results.stream().anyMatch(Delta.Result::needsAttention) ? Fmap.FINDINGS : Fmap.OK;
    } catch (VerbStop stop) {
      err.println("error: " + stop.getMessage());
      return stop.exitCode();
    } catch (DataVerbOptions.Unusable e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    } catch (LoadException e) {
      err.println("error: " + e.getMessage());
      return Fmap.FINDINGS;
    } catch (LedgerException e) {
      err.println("error: " + e.getMessage());
      return Fmap.BLOCKED;
    }
  }

  /** One pass with fresh connectors, holding the ledger's writer lock as {@code fmap migrate} does. */
  private Delta.Result pass(CutoverProject.Ready ready, Delta.Policy chosen, PrintWriter out, PrintWriter err)
      throws java.io.IOException {
    DataProject project = ready.project();
    String who = CutoverProject.who();
    try (Ledger ledger = Ledger.open(project.ledger());
         WriterLock lock = ledger.lockForWriting("fmap delta (pid " + ProcessHandle.current().pid() + ", " + who + ")");
         SourceConnector source = openSource(project);
         TargetConnector target = ready.openTarget()) {
      List<SourceUser> users = DataProject.sourceUsers(source);
      LoadExecutor.Options options = LoadExecutor.Options.full(who).withBatchSize(batchSize).withMode(RunMode.DELTA);
      Delta.Result result;
      try (ProgressDisplay display = progress.open("delta", err, json)) {
        display.countThrottlesOf(target);
        result = new Delta(ready.plan(), source, target, ready.targetSchema(), ledger).run(chosen,
            view -> new LoadExecutor(ready.plan(), view, target, ready.targetSchema(), ledger,
                project.owners(users, target), users, options).reportingTo(display.renderer()).run());
      }
      SourceDeletions.Result deleted = null;
      if (applyDeletes) {
        // openTarget builds the Dataverse connector; deletes go through its clients and throttles.
        deleted = new SourceDeletions(ledger, target, new DataverseRollbackTarget((DataverseTargetConnector) target,
            ready.targetSchema()), ready.targetSchema(), UndoOrder.of(ready.plan()))
            .apply(result.deletedInSource(), who, ready.plan().hash());
        deletions.add(deleted);
      }
      if (!json) {
        out.print(result.toText());
        out.print(result.load().toText());
        if (deleted != null) out.print(deleted.toText());
        out.flush();
      }
      return result;
    }
  }

  /** The source's settings were checked before the first pass ({@link #call}); they do not change between passes. */
  private static SourceConnector openSource(DataProject project) {
    try {
      return project.openSource();
    } catch (DataVerbOptions.Unusable e) {
      throw new IllegalStateException("the source opened before the first pass: " + e.getMessage(), e);
    }
  }

  private static ObjectNode toJson(Delta.Result r) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    node.put("run", r.load().runId());
    node.put("policy", policyName(r.policy()));
    node.set("changed", mapper.valueToTree(r.changed()));
    ArrayNode conflicts = node.putArray("conflicts");
    r.conflicts().forEach(c -> conflicts.addObject().put("key", c.key().toString()).put("targetId", c.targetId())
        .put("ourWrite", c.ourWrite().toString())
        .put("targetModified", c.targetModified() == null ? null : c.targetModified().toString())
        .put("ourVersion", c.ourVersion()).put("targetVersion", c.targetVersion()));
    node.set("watermarks", mapper.valueToTree(r.watermarks()));
    ArrayNode deleted = node.putArray("deletedInSource");
    r.deletedInSource().forEach(k -> deleted.add(k.toString()));
    node.set("load", r.load().toJson());
    return node;
  }

  private static ObjectNode toJson(SourceDeletions.Result d) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    if (d.run() != null) node.put("run", d.run().id());
    node.put("deleted", d.deleted()).put("alreadyGone", d.alreadyGone());
    ArrayNode failed = node.putArray("failed");
    d.failed().forEach(f -> failed.addObject().put("table", f.table()).put("id", f.id().toString())
        .put("code", f.code()).put("message", f.message()));
    return node;
  }

  private static String policyName(Delta.Policy p) {
    return p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
