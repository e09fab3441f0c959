package io.fmap.cli;

import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.SchemaPuller;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.source.SourceException;
import io.fmap.runtime.spark.SparkApiConnector;
import io.fmap.runtime.spark.SparkSource;
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

/** {@code fmap schema pull}: the org's (or, with {@code --spark}, Spark's) schema, pinned as a snapshot. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {
        "Read the Dataverse org's schema into a pinned schema snapshot.",
        "",
        "The snapshot holds tables, columns, option sets, relationships (with",
        "navigation-property names), alternate keys and entity set names. The org's",
        "custom tables are always included. With --spark, read Spark's schema from the",
        "source in fmap.yaml's 'spark:' section instead. Prints the drift from the",
        "snapshot it replaces; changes to fields the project's mappings read or write",
        "are marked with '!' and make the exit code 1."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the snapshot was written; no drift touches the mappings",
        "1:reading failed, or drift touches mapped fields (the snapshot is written)",
        "2:usage: missing or bad connection settings"},
    footer = {"", "Examples:",
        "  # refresh the tables already in schemas/dynamics.json",
        "  fmap schema pull",
        "  # start a snapshot with these tables",
        "  fmap schema pull --tables account,contact,lead",
        "  # refresh schemas/spark.json from the Spark source",
        "  fmap schema pull --spark",
        "  # the drift as JSON, for CI",
        "  fmap schema pull --json"})
public final class SchemaPullCommand implements Callable<Integer> {
  @CommandLine.Mixin DataverseOptions dataverse;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--out", paramLabel = "FILE",
      description = "snapshot to write (default: schemas/dynamics.json, or schemas/spark.json with --spark)")
  Path out;

  @CommandLine.Option(names = "--tables", split = ",", paramLabel = "NAME",
      description = "tables to read (default: those already in the snapshot)")
  List<String> tables;

  @CommandLine.Option(names = "--spark", description = "pull Spark's schema (the source) instead of the org's")
  boolean spark;

  @CommandLine.Option(names = "--json", description = "print the result and the drift as one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (spark) return pullSpark(out == null ? Path.of("schemas/spark.json") : out);
    Path file = out == null ? Path.of("schemas/dynamics.json") : out;
    DataverseConfig config = dataverse.loadOrExplain(spec.commandLine().getErr());
    if (config == null) return Fmap.USAGE;
    List<String> names = new ArrayList<>(tables == null ? List.of() : tables);
    if (names.isEmpty() && Files.isRegularFile(file)) {
      SchemaSnapshots.read(file).tables().stream().filter(t -> !t.custom()).map(Table::name).forEach(names::add);
    }
    if (names.isEmpty()) {
      spec.commandLine().getErr().println("error: " + file + " does not exist yet; name the tables to read with "
          + "--tables account,contact,...");
      return Fmap.USAGE;
    }
    SystemSchema schema = new SchemaPuller(DataverseOptions.client(config)).pull(names);
    return pin(file, schema, false, "pulled " + schema.tables().size() + " tables and " + schema.relationships().size()
        + " N:N relationships from " + config.url() + " into " + file);
  }

  /** Spark has no table list to choose from: its schema is every object the export offers. */
  private int pullSpark(Path file) throws Exception {
    if (tables != null) {
      spec.commandLine().getErr().println("error: --tables is for the Dataverse org; Spark's schema is read whole");
      return Fmap.USAGE;
    }
    Path yaml = dataverse.config;
    if (!Files.isRegularFile(yaml)) {
      spec.commandLine().getErr().println("error: " + yaml + ": no such file; run in the project folder or pass --config FILE");
      return Fmap.USAGE;
    }
    SparkSource source;
    try {
      source = SparkSource.load(yaml);
    } catch (SourceException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
    SourceConnector connector;
    try {
      connector = source instanceof SparkSource.ExportApi api
          ? SparkApiConnector.withToken(api.config(), DataProject.token(api, DataverseOptions.environment))
          : source.open();
    } catch (DataVerbOptions.Unusable e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Fmap.USAGE;
    }
    SystemSchema schema;
    try (connector) {
      schema = connector.schema();
    }
    String from = source instanceof SparkSource.ExportApi api ? api.config().baseUrl().toString()
        : ((SparkSource.ExportFiles) source).dir().toString();
    return pin(file, schema, true, "pulled " + schema.tables().size() + " objects and " + schema.relationships().size()
        + " N:N relationships from " + from + " into " + file);
  }

  private int pin(Path file, SystemSchema schema, boolean source, String pulled) throws Exception {
    SchemaDriftReport drift = SchemaDriftReport.before(file, schema, source);
    SchemaSnapshots.write(file, schema);
    return drift.print(spec.commandLine().getOut(), json, pulled);
  }
}
