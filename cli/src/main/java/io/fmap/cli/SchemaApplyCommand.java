package io.fmap.cli;

import io.fmap.compiler.plan.PlanApproval;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.SchemaApplier;
import io.fmap.runtime.dataverse.SchemaDiff;
import io.fmap.runtime.dataverse.SchemaPuller;
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
    description = {"Create the custom tables (with notes), columns, option values, alternate keys and N:N",
        "relationships that the desired schema names and the org lacks; wait for key indexes; publish.",
        "Nothing is dropped or altered, so a second run finds nothing to do and says so.",
        "Without --schema, the desired schema is the approved plan's: the project's pinned Dynamics",
        "schema with the schema changes its mappings declare (run 'fmap plan --approve' first)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the org has everything (or --dry-run listed it)",
        "1:the org refused a change, or lacks a standard table or column",
        "2:usage: missing or bad connection settings",
        "3:blocked: the project's plan is not approved, or changed since"},
    footer = {"", "Examples:",
        "  fmap schema apply                                  create what the approved plan needs",
        "  fmap schema apply --schema plan/schema.json --dry-run   list what would be created"})
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
    if (desired != null) {
      if (!Files.isRegularFile(desired)) {
        err.println("error: " + desired + ": no such file; pass the desired schema, or leave --schema out to use"
            + " the approved plan's");
        return Fmap.USAGE;
      }
      want = SchemaSnapshots.read(desired);
      wanted = desired.toString();
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
    for (String line : new SchemaApplier(client, config.solution(), Duration.ofSeconds(5), 120).apply(diff)) {
      out.println(line);
    }
    return Fmap.OK;
  }
}
