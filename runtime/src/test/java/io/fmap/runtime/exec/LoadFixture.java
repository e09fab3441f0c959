package io.fmap.runtime.exec;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.emulator.generate.SampleUsers;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.UUID;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.dataverse.Identity;
import io.fmap.runtime.dataverse.RetryPolicy;
import io.fmap.runtime.dataverse.Secret;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerLocation;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.spark.SparkApiConfig;
import io.fmap.runtime.spark.SparkApiConnector;
import io.fmap.runtime.target.LinkOnlyFileStore;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Table;

/**
 * Both emulators in-process on loopback ephemeral ports, generated Spark data, the real connectors
 * and a SQLite ledger in a temporary folder: everything a load needs except the compiler, whose
 * output {@link HandWrittenPlan} stands in for.
 */
public final class LoadFixture implements AutoCloseable {
  /** The team the emulator creates for its client: owner of records whose Spark owner has no match. */
  public static final String FALLBACK_TEAM = "fmap-demo";
  static final String SPARK_TOKEN = "executor-test-token";
  static final RetryPolicy FAST_RETRY =
      new RetryPolicy(6, 40, Duration.ofMillis(5), Duration.ofMillis(200), Duration.ofSeconds(30),
          Duration.ofSeconds(30));

  final Path dir;
  final SparkEmulator spark;
  public final DataverseEmulator dataverse;
  public final SystemSchema targetSchema;
  public final CompiledPlan plan;

  public LoadFixture(Path dir, int size, Limits limits) throws IOException {
    this(dir, size, limits, HandWrittenPlan.plan(), UnaryOperator.identity());
  }

  /**
   * @param org the Dataverse schema the emulator starts with, from the stdlib's (the connector keeps
   *            the stdlib's: alternate keys live in the org, not in what fmap was told)
   */
  public LoadFixture(Path dir, int size, Limits limits, CompiledPlan plan, UnaryOperator<SystemSchema> org)
      throws IOException {
    this.dir = dir;
    this.plan = plan;
    new SampleGenerator(7, size).writeTo(dir.resolve("export"), false);
    spark = SparkEmulator.start(dir.resolve("export"), "127.0.0.1", 0, SparkEmulatorConfig.withToken(SPARK_TOKEN));
    try (InputStream in = getClass().getResourceAsStream(EmulatorConfig.STDLIB_SCHEMA)) {
      targetSchema = SchemaSnapshots.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    dataverse = DataverseEmulator.start(EmulatorConfig.defaults().withSchema(org.apply(targetSchema))
        .withLimits(limits).withKeyActivation(Duration.ZERO).withSeedUsers(dynamicsUsers()));
  }

  /** An org schema with one more alternate key, active from the start. */
  public static UnaryOperator<SystemSchema> withKey(String table, String column) {
    return schema -> new SystemSchema(schema.system(), schema.tables().stream().map(t -> !t.name().equals(table) ? t
        : new Table(t.name(), t.displayName(), t.entitySetName(), t.primaryIdColumn(), t.primaryNameColumn(),
            t.ownership(), t.activity(), t.custom(), t.columns(), concat(t.keys(),
                new AlternateKey(table + "_" + column + "_key", List.of(column))))).toList(),
        schema.relationships(), schema.settings());
  }

  private static List<AlternateKey> concat(List<AlternateKey> keys, AlternateKey more) {
    List<AlternateKey> all = new ArrayList<>(keys);
    all.add(more);
    return all;
  }

  /** The generator's roster as Dynamics has it: the same emails, one disabled, some missing. */
  static List<ObjectNode> dynamicsUsers() {
    List<ObjectNode> users = new ArrayList<>();
    for (SampleUsers.SampleUser user : SampleUsers.inDynamics()) {
      ObjectNode u = JsonNodeFactory.instance.objectNode();
      // The id comes from the Spark id: two Dynamics users share the shared inbox's email.
      u.put("systemuserid", UUID.nameUUIDFromBytes(("user:" + user.id()).getBytes(StandardCharsets.UTF_8)).toString());
      u.put("internalemailaddress", user.email());
      u.put("fullname", user.name());
      u.put("lastname", user.name());
      u.put("isdisabled", !user.enabledInDynamics());
      users.add(u);
    }
    return users;
  }

  public SourceConnector source() {
    return SparkApiConnector.withToken(SparkApiConfig.defaults(URI.create(spark.baseUrl())), SPARK_TOKEN);
  }

  public TargetConnector target(int batchSize) {
    URI url = URI.create(dataverse.rootUrl() + "/");
    DataverseConfig config = new DataverseConfig(url, "v9.2", URI.create(dataverse.tokenUrl("tenant")),
        url + ".default", List.of(new Identity("fmap-demo", "FMAP_TARGET_CLIENT_SECRET", Secret.of("fmap-demo"))),
        batchSize, 4, false, false, null);
    return DataverseTargetConnector.open(config, targetSchema, FAST_RETRY, new LinkOnlyFileStore("https://files.example"));
  }

  public Ledger ledger() {
    return Ledger.open(LedgerLocation.sqliteFile(dir.resolve("ledger.db")));
  }

  /** The Spark users, as owner resolution needs them. */
  public List<SourceUser> sourceUsers(SourceConnector source) {
    try (Stream<SourceRecord> records = source.records("User", null, bad -> { })) {
      return records.map(SourceUser::of).toList();
    }
  }

  /** One load attempt with fresh connectors and ledger, as a new process would make them. */
  RunSummary load(LoadExecutor.Options options, TargetConnector target) {
    try (SourceConnector source = source(); Ledger ledger = ledger()) {
      List<SourceUser> users = sourceUsers(source);
      OwnerResolver owners = OwnerResolver.create(users, new ConnectorDirectory(target),
          FallbackRule.parse("team:" + FALLBACK_TEAM));
      return new LoadExecutor(plan, source, target, targetSchema, ledger, owners, users, options).run();
    }
  }

  RunSummary load(LoadExecutor.Options options) {
    try (TargetConnector target = target(50)) {
      return load(options, target);
    }
  }

  @Override
  public void close() {
    spark.close();
    dataverse.close();
  }
}
