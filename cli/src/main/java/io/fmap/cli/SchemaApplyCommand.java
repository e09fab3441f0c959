package io.fmap.cli;

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
        "Nothing is dropped or altered, so a second run finds nothing to do and says so."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the org has everything (or --dry-run listed it)",
        "1:the org refused a change",
        "2:usage: missing or bad connection settings"},
    footer = {"", "Examples:",
        "  fmap schema apply                                  bring the org to schemas/dynamics.json",
        "  fmap schema apply --schema plan/schema.json --dry-run   list what would be created"})
public final class SchemaApplyCommand implements Callable<Integer> {
  @CommandLine.Mixin DataverseOptions dataverse;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--schema", paramLabel = "FILE", defaultValue = "schemas/dynamics.json",
      description = "the schema the migration needs (default: ${DEFAULT-VALUE})")
  Path desired;

  @CommandLine.Option(names = "--dry-run", description = "list the changes without making them")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataverseConfig config = dataverse.loadOrExplain(spec.commandLine().getErr());
    if (config == null) return Fmap.USAGE;
    if (!Files.isRegularFile(desired)) {
      err.println("error: " + desired + ": no such file; run 'fmap schema pull' or pass --schema FILE");
      return Fmap.USAGE;
    }
    SystemSchema want = SchemaSnapshots.read(desired);
    DataverseClient client = DataverseOptions.client(config);
    SchemaPuller puller = new SchemaPuller(client);
    List<String> standard = want.tables().stream().filter(t -> !t.custom()).map(Table::name).toList();
    SystemSchema have = puller.pullExisting(want.tables().stream().map(Table::name).toList());
    SchemaDiff diff = SchemaDiff.between(want, have);
    diff.problems().forEach(p -> err.println("error: " + p));
    if (!diff.problems().isEmpty()) return Fmap.FINDINGS;
    if (diff.changes().isEmpty()) {
      out.println("no changes: " + config.url() + " already has everything " + desired + " needs ("
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
