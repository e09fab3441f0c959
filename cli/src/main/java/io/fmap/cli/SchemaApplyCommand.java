package io.fmap.cli;

import io.fmap.compiler.plan.PlanApproval;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.SchemaApplier;
import io.fmap.runtime.dataverse.SchemaDiff;
import io.fmap.runtime.dataverse.SchemaPuller;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerLocation;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.ledger.WriterLock;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap schema apply}: create in the org what the desired schema has and the org lacks. */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {
        "Create what the desired schema names and the org lacks, then publish.",
        "",
        "That is custom tables (with notes), columns, option values, alternate keys and",
        "N:N relationships; apply waits for key indexes, then publishes.",
        "Nothing is dropped or altered, so a second run finds nothing to do and says so.",
        "Each change is recorded in the project's ledger (a run of mode schema), so that",
        "'fmap rollback RUN --schema' can remove it again.",
        "Without --schema, the desired schema is the approved plan's: the project's",
        "pinned Dynamics schema with the schema changes its mappings declare (run",
        "'fmap plan --approve' first)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the org has everything (or --dry-run listed it)",
        "1:the org refused a change, or lacks a standard table or column",
        "2:usage: missing or bad connection settings",
        "3:blocked: the project's plan is not approved, or changed since"},
    footer = {"", "Examples:",
        "  # create what the approved plan needs",
        "  fmap schema apply",
        "  # list what would be created",
        "  fmap schema apply --schema plan/schema.json --dry-run"})
public final class SchemaApplyCommand implements Callable<Integer> {
  @CommandLine.Mixin DataverseOptions dataverse;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--schema", paramLabel = "FILE",
      description = "the schema the migration needs (default: the approved plan's target schema)")
  Path desired;

  @CommandLine.Option(names = "--dry-run", description = "list the changes without making them")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataverseConfig config = dataverse.loadOrExplain(spec.commandLine().getErr());
    if (config == null) return Fmap.USAGE;
    SystemSchema want;
    String wanted;
    String planHash;
    if (desired != null) {
      if (!Files.isRegularFile(desired)) {
        err.println("error: " + desired + ": no such file; pass the desired schema, or leave --schema out to use"
            + " the approved plan's");
        return Fmap.USAGE;
      }
      want = SchemaSnapshots.read(desired);
      wanted = desired.toString();
      planHash = "schema " + desired.getFileName();
    } else {
      Path project = dataverse.config.toAbsolutePath().normalize().getParent();
      ProjectPlan plan = ProjectPlan.load(project);
      if (plan.planned().isEmpty()) {
        err.println("error: the project has errors; run `fmap check` in " + project);
        return Fmap.FINDINGS;
      }
      if (PlanApproval.check(project, plan.planned().get().lock()) instanceof PlanApproval.Verdict.Refused refused) {
        err.println("error: " + refused.message());
        return Fmap.BLOCKED;
      }
      want = plan.planned().get().program().target();
      wanted = "the approved plan";
      planHash = plan.planned().get().lock().planHash();
    }
    DataverseClient client = DataverseOptions.client(config);
    SchemaPuller puller = new SchemaPuller(client);
    List<String> standard = want.tables().stream().filter(t -> !t.custom()).map(Table::name).toList();
    SystemSchema have = puller.pullExisting(want.tables().stream().map(Table::name).toList());
    SchemaDiff diff = SchemaDiff.between(want, have);
    diff.problems().forEach(p -> err.println("error: " + p));
    if (!diff.problems().isEmpty()) return Fmap.FINDINGS;
    if (diff.changes().isEmpty()) {
      out.println("no changes: " + config.url() + " already has everything " + wanted + " needs ("
          + want.tables().size() + " tables, " + standard.size() + " standard)");
      return Fmap.OK;
    }
    if (dryRun) {
      diff.changes().forEach(c -> out.println("would " + c.describe()));
      return Fmap.OK;
    }
    LedgerLocation location;
    try {
      location = CutoverProject.ledgerLocation(dataverse.config.toAbsolutePath().normalize().getParent());
    } catch (VerbStop stop) {
      err.println("error: " + stop.getMessage());
      return stop.exitCode();
    }
    for (String line : applyRecorded(location, new SchemaApplier(client, config.solution(), Duration.ofSeconds(5), 120),
        diff, planHash)) {
      out.println(line);
    }
    return Fmap.OK;
  }

  /**
   * Applies the diff as a run of mode {@code schema} in the project's ledger, each change recorded as the
   * org accepts it, so {@code fmap rollback --schema} can take them out again (also after a change failed
   * half-way: the run then ends failed, with what was applied recorded).
   */
  private static List<String> applyRecorded(LedgerLocation location, SchemaApplier applier, SchemaDiff diff,
      String planHash) throws java.io.IOException {
    try (Ledger ledger = Ledger.open(location);
         WriterLock lock = ledger.lockForWriting("fmap schema apply by " + CutoverProject.who())) {
      Run run = ledger.startRun(RunMode.SCHEMA, CutoverProject.who(), planHash);
      boolean completed = false;
      try {
        List<String> lines = applier.apply(diff, c -> ledger.recordSchemaChange(run.id(), c.kind(), c.name(), c.detailJson()));
        completed = true;
        return lines;
      } finally {
        ledger.finishRun(run.id(), completed ? RunStatus.COMPLETED : RunStatus.ABORTED);
      }
    }
  }
}
