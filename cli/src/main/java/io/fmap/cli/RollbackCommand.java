package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.cutover.DataverseRollbackTarget;
import io.fmap.runtime.cutover.Rollback;
import io.fmap.runtime.cutover.RollbackPlan;
import io.fmap.runtime.cutover.RollbackRefused;
import io.fmap.runtime.cutover.UndoOrder;
import io.fmap.runtime.dataverse.SchemaRemover;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.ledger.Checkpoint;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.target.TargetConnector;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fmap rollback}: undo a run's writes in the target, from the ledger's record of them. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {
        "Undo what a run wrote (a dry run unless --yes).",
        "",
        "Rows it created are deleted, rows it changed are restored from their",
        "before-images, children before parents. A dry run by default: lists what would",
        "be undone and why it would be refused (later runs wrote the same rows, writes",
        "in doubt, no before-image); --yes does it. The rollback is itself a run in the",
        "ledger: if it stops, run the same command again to resume it.",
        "Schema changes ('fmap schema apply' runs) stay unless --schema: then they are",
        "removed after the rows, N:N relationships, keys, option values, lookups,",
        "columns, then tables.",
        "Exit 1 when the target refused some rows, 3 when the rollback is refused."},
    footer = {"", "Examples:",
        "  fmap rollback 4                        what undoing run 4 would do (a dry run)",
        "  fmap rollback 4 --yes                  undo run 4",
        "  fmap rollback --all --yes              undo every standing run, newest first",
        "  fmap rollback --all --schema --yes     ... also fmap's tables and columns",
        "  fmap rollback --to-checkpoint 9 --yes  undo what its run wrote after it"})
public final class RollbackCommand implements Callable<Integer> {
  @CommandLine.Mixin DataVerbOptions data;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1") Which which;

  /** Exactly one of: a run, every run, or a run from one of its checkpoints on. */
  static final class Which {
    @Parameters(paramLabel = "RUN_ID", description = "the run to undo (`fmap report` lists them)") Long runId;
    @Option(names = "--all", description = "undo every standing run, newest first") boolean all;
    @Option(names = "--to-checkpoint", paramLabel = "ID",
        description = "undo what the checkpoint's run wrote after it (ids in `fmap report`)") Long checkpoint;
  }

  @Option(names = "--yes", description = "do it (without it: a dry run that changes nothing)") boolean yes;

  @Option(names = "--force", description = "undo even over later runs' writes, put before-images back over rows"
      + " changed in the target since the run, and leave rows in doubt or without a before-image as they are")
  boolean force;

  @Option(names = "--schema", description = "also remove the schema changes the run(s) applied (with --all: those of"
      + " every `fmap schema apply`), after the rows; without it they stay")
  boolean schema;

  @Option(names = "--json", description = "print JSON instead of text") boolean json;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      CutoverProject.Ready ready = CutoverProject.open(data);
      try (Ledger ledger = Ledger.open(ready.project().ledger());
           TargetConnector target = ready.openTarget()) {
        Rollback.Options options = Rollback.Options.of(CutoverProject.who());
        long runId = 0;
        if (which.checkpoint != null) {
          Checkpoint cp = ledger.checkpoints().stream().filter(c -> c.id() == which.checkpoint).findFirst()
              .orElseThrow(() -> VerbStop.usage("the ledger has no checkpoint " + which.checkpoint
                  + "; `fmap report` lists each run's checkpoints"));
          runId = cp.runId();
          options = options.toCheckpoint(cp.seq());
        } else if (which.runId != null) {
          runId = which.runId;
        }
        if (force) options = options.forced();
        if (schema) options = options.withSchema();
        // openTarget builds the Dataverse connector; deletes and restores go through its clients and throttles.
        Rollback rollback = new Rollback(ledger, new DataverseRollbackTarget((DataverseTargetConnector) target,
            ready.targetSchema()), UndoOrder.of(ready.plan()), options);
        List<Long> runs = which.all ? standingNewestFirst(ledger, schema) : List.of(runId);
        return yes ? execute(rollback, runs, out) : dryRun(rollback, runs, out, ledger);
      }
    } catch (VerbStop stop) {
      err.println("error: " + stop.getMessage());
      return stop.exitCode();
    } catch (RollbackRefused e) {
      err.println("error: " + e.getMessage());
      return Fmap.BLOCKED;
    } catch (LedgerException e) {
      err.println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
  }

  private static List<Long> standingNewestFirst(Ledger ledger, boolean schema) {
    return ledger.runs().stream().filter(r -> r.mode() != RunMode.ROLLBACK && r.status() != RunStatus.ROLLED_BACK)
        .filter(r -> schema || r.mode() != RunMode.SCHEMA)
        .sorted(Comparator.comparingLong(Run::id).reversed()).map(Run::id).toList();
  }

  /**
   * Lists each plan. With several runs, writes by a later run in the same list do not block: {@code --all}
   * undoes that run first, as {@link Rollback#executeAll} does.
   */
  private int dryRun(Rollback rollback, List<Long> runs, PrintWriter out, Ledger ledger) throws Exception {
    Set<Long> undoneToo = Set.copyOf(runs);
    List<RollbackPlan> plans = new ArrayList<>();
    for (long run : runs) {
      RollbackPlan p = rollback.plan(run);
      plans.add(runs.size() == 1 ? p : p.alongWith(undoneToo));
    }
    long staying = schema ? 0 : ledger.schemaChanges().stream().filter(c -> c.removedBy() == null).count();
    boolean refused = plans.stream().anyMatch(p -> !p.blockers(force).isEmpty());
    if (json) {
      ObjectNode root = JSON.createObjectNode().put("dryRun", true);
      ArrayNode list = root.putArray("plans");
      for (RollbackPlan p : plans) {
        ObjectNode node = list.addObject().put("run", p.run().id()).put("deletes", p.deletes()).put("restores", p.restores())
            .put("disassociations", p.links().size());
        ArrayNode removes = node.putArray("schemaRemovals");
        if (p.removeSchema()) p.schemaChanges().forEach(c -> removes.add(SchemaRemover.describe(c)));
        p.blockers(force).forEach(node.putArray("refused")::add);
      }
      root.put("schemaChangesStaying", staying);
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      if (plans.isEmpty()) out.println("no standing runs: nothing to roll back");
      plans.forEach(p -> out.print(p.toText(force)));
      if (staying > 0) {
        out.println("schema changes stay: the " + staying + " that 'fmap schema apply' made are not removed;"
            + " add --schema to remove them after the rows");
      }
      out.println(refused ? "dry run: nothing changed; the rollback would be refused (see above)"
          : "dry run: nothing changed; add --yes to do it");
    }
    out.flush();
    return refused ? Fmap.BLOCKED : Fmap.OK;
  }

  private int execute(Rollback rollback, List<Long> runs, PrintWriter out) throws Exception {
    List<Rollback.Result> results = which.all ? rollback.executeAll() : List.of(rollback.execute(runs.get(0)));
    if (json) {
      ObjectNode root = JSON.createObjectNode().put("dryRun", false);
      ArrayNode list = root.putArray("rollbacks");
      for (Rollback.Result r : results) {
        ObjectNode node = list.addObject().put("rollbackRun", r.rollbackRun().id()).put("of", r.rollbackRun().rollbackOf())
            .put("resumed", r.resumed()).put("deleted", r.deleted()).put("restored", r.restored())
            .put("schemaRemoved", r.schemaRemoved());
        ArrayNode failed = node.putArray("failed");
        r.failed().forEach(f -> failed.addObject().put("table", f.table()).put("id", f.id() == null ? null : f.id().toString())
            .put("code", f.code()).put("message", f.message()));
      }
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      if (results.isEmpty()) out.println("no standing runs: nothing to roll back");
      results.forEach(r -> out.print(r.toText()));
    }
    out.flush();
    boolean failed = results.stream().anyMatch(r -> !r.failed().isEmpty());
    return failed ? Fmap.FINDINGS : Fmap.OK;
  }
}
