package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A project as a user has it before the load: the standard mapping set, generated Spark data behind
 * the Spark emulator, and a Dataverse emulator that already has the plan's tables, columns and keys
 * (as after {@code fmap schema apply}); both in-process on loopback with ephemeral ports, named in
 * fmap.yaml. Verbs run through {@link Fmap#commandLine()} as from a terminal. Closing stops both
 * emulators and gives the verbs the real environment back.
 */
final class EmulatedProject implements AutoCloseable {
  final Path dir;
  final SampleGenerator.Result generated;
  final SystemSchema org;
  final SparkEmulator spark;
  final DataverseEmulator dataverse;

  /**
   * @param work    an empty folder: the export and the project go under it
   * @param records how many Spark records to generate, with {@code seed}
   */
  EmulatedProject(Path work, long seed, int records) throws Exception {
    this(work, seed, records, true);
  }

  /**
   * A project whose org has only the standard Sales schema: {@code fmap schema apply} (with
   * {@code --config DIR/fmap.yaml}) has yet to create the plan's tables, columns and keys.
   */
  static EmulatedProject beforeSchemaApply(Path work, long seed, int records) throws Exception {
    return new EmulatedProject(work, seed, records, false);
  }

  private EmulatedProject(Path work, long seed, int records, boolean schemaApplied) throws Exception {
    generated = new SampleGenerator(seed, records).writeTo(work.resolve("export"), false);
    dir = PlanCommandTest.copyOfStdlib(Files.createDirectories(work.resolve("acme")));
    org = ProjectPlan.load(dir).planned().orElseThrow().program().target();
    spark = SparkEmulator.start(work.resolve("export"), "127.0.0.1", 0, SparkEmulatorConfig.withToken("spark-test-token"));
    try {
      EmulatorConfig config = EmulatorConfig.defaults().withKeyActivation(Duration.ZERO);
      dataverse = DataverseEmulator.start(schemaApplied ? config.withSchema(org) : config);
    } catch (RuntimeException e) {
      spark.close();
      throw e;
    }
    DataverseOptions.environment = Map.of("FMAP_TEST_SPARK_TOKEN", "spark-test-token",
        DataVerbOptions.CLIENT_ID, "fmap-demo", DataVerbOptions.CLIENT_SECRET, "fmap-demo")::get;
    Files.writeString(dir.resolve("fmap.yaml"), "spark:\n"
        + "  url: " + spark.baseUrl() + "\n"
        + "  tokenEnv: FMAP_TEST_SPARK_TOKEN\n"
        + "dataverse:\n"
        + "  url: " + dataverse.rootUrl() + "\n"
        + "  tokenUrl: " + dataverse.tokenUrl("contoso") + "\n"
        // the schema verbs read the identity from here; the data verbs take it from the environment
        + "  clientId: fmap-demo\n"
        + "  secretEnv: " + DataVerbOptions.CLIENT_SECRET + "\n"
        + "fallbackOwner: team:fmap-demo\n");
  }

  /** Appends settings to fmap.yaml ({@code params:} and the like), as a user edits the file. */
  void addToConfig(String yaml) throws java.io.IOException {
    Files.writeString(dir.resolve("fmap.yaml"), yaml, java.nio.file.StandardOpenOption.APPEND);
  }

  /** Runs {@code fmap VERB ARGS... --project DIR}. */
  CliRun run(String verb, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = verb;
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--project";
    all[args.length + 2] = dir.toString();
    return CliRun.of(all);
  }

  /** Approves the project's plan, as {@code fmap plan --approve} does. */
  CliRun approve() {
    CliRun approve = CliRun.of("plan", "--approve", dir.toString());
    return new CliRun(approve.exit(), approve.out() + approve.err(), "");
  }

  /** The project's own target connector: a change made through the same Web API fmap writes to. */
  TargetConnector target() throws Exception {
    DataVerbOptions options = new DataVerbOptions();
    options.project = dir;
    return options.resolve().openTarget(org);
  }

  /** Edits {@code count} records of a Spark object through the emulator (their text and {@code updated_at}). */
  void touch(String object, int count) {
    admin("touch", object, count);
  }

  /** Adds {@code count} new records of a Spark object through the emulator (copies of existing ones, new ids). */
  void create(String object, int count) {
    admin("create", object, count);
  }

  private void admin(String action, String object, int count) {
    java.net.http.HttpResponse<String> r;
    try {
      r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              spark.baseUrl() + "/_emulator/" + action + "?object=" + object + "&count=" + count))
          .header("Authorization", "Bearer spark-test-token").timeout(Duration.ofSeconds(30))
          .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError("the Spark emulator's " + action + " failed", e);
    }
    if (r.statusCode() != 200) throw new AssertionError("the Spark emulator refused the " + action + ": " + r.body());
  }

  /** From {@code fmap sample --json}'s diff: the first compared record of {@code table} with a {@code column} field. */
  static JsonNode comparedRecord(JsonNode diff, String table, String column) {
    for (JsonNode r : diff.path("records")) {
      if (!r.path("table").asText().equals(table) || !r.path("problem").isNull()) continue;
      for (JsonNode f : r.path("fields")) {
        if (f.path("column").asText().equals(column)) return r;
      }
    }
    throw new AssertionError("no compared " + table + " record with " + column + " in " + diff);
  }

  @Override
  public void close() {
    DataverseOptions.environment = System::getenv;
    try {
      dataverse.close();
    } finally {
      spark.close();
    }
  }
}
