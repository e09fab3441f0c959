package io.fmap.cli;

import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.SchemaPuller;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap schema pull}: the org's metadata for the migration's tables, pinned as a snapshot. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {"Read tables, columns, option sets, relationships (with navigation-property names),",
        "alternate keys and entity set names from the Dataverse org into a pinned schema snapshot.",
        "The org's custom tables are always included. Prints the drift from the snapshot it replaces;",
        "changes to columns the project's mappings write are marked with '!' and make the exit code 1."},
    footer = {"", "Examples:",
        "  fmap schema pull                                 refresh the tables already in schemas/dynamics.json",
        "  fmap schema pull --tables account,contact,lead   start a snapshot with these tables",
        "  fmap schema pull --json                          the drift as JSON, for CI"})
public final class SchemaPullCommand implements Callable<Integer> {
  @CommandLine.Mixin DataverseOptions dataverse;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--out", paramLabel = "FILE", defaultValue = "schemas/dynamics.json",
      description = "snapshot to write (default: ${DEFAULT-VALUE})")
  Path out;

  @CommandLine.Option(names = "--tables", split = ",", paramLabel = "NAME",
      description = "tables to read (default: those already in the snapshot)")
  List<String> tables;

  @CommandLine.Option(names = "--json", description = "print the result and the drift as one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DataverseConfig config = dataverse.loadOrExplain(spec.commandLine().getErr());
    if (config == null) return Fmap.USAGE;
    List<String> names = new ArrayList<>(tables == null ? List.of() : tables);
    if (names.isEmpty() && Files.isRegularFile(out)) {
      SchemaSnapshots.read(out).tables().stream().filter(t -> !t.custom()).map(Table::name).forEach(names::add);
    }
    if (names.isEmpty()) {
      spec.commandLine().getErr().println("error: " + out + " does not exist yet; name the tables to read with "
          + "--tables account,contact,...");
      return Fmap.USAGE;
    }
    SystemSchema schema = new SchemaPuller(DataverseOptions.client(config)).pull(names);
    SchemaDriftReport drift = SchemaDriftReport.before(out, schema, false);
    SchemaSnapshots.write(out, schema);
    String pulled = "pulled " + schema.tables().size() + " tables and " + schema.relationships().size()
        + " N:N relationships from " + config.url() + " into " + out;
    return drift.print(spec.commandLine().getOut(), json, pulled);
  }
}
