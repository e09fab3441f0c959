package io.fmap.runtime.exec;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link LoadFixture} for tests outside this package (the cutover verbs): both emulators, the
 * hand-written plan, a ledger, and a full load through the real executor.
 */
public final class MigratedFixture implements AutoCloseable {
  private final LoadFixture fixture;

  public MigratedFixture(Path dir, int size) throws IOException {
    fixture = new LoadFixture(dir, size, Limits.none());
  }

  /**
   * A fixture whose plan upserts accounts by the alternate key {@code accountnumber} (the org has that
   * key), so a load can meet accounts that were in the org before it.
   */
  public static MigratedFixture keyedByAccountNumber(Path dir, int size) throws IOException {
    return new MigratedFixture(new LoadFixture(dir, size, Limits.none(), HandWrittenPlan.keyedByAccountNumber(),
        LoadFixture.withKey("account", HandWrittenPlan.ACCOUNT_KEY)));
  }

  private MigratedFixture(LoadFixture fixture) {
    this.fixture = fixture;
  }

  public DataverseEmulator dataverse() {
    return fixture.dataverse;
  }

  public SystemSchema targetSchema() {
    return fixture.targetSchema;
  }

  public CompiledPlan plan() {
    return fixture.plan;
  }

  public Ledger ledger() {
    return fixture.ledger();
  }

  /** A connector to the Dataverse emulator, as a new process would open it. */
  public DataverseTargetConnector target() {
    return (DataverseTargetConnector) fixture.target(50);
  }

  /** A connector to the Spark emulator's API. */
  public io.fmap.runtime.source.SourceConnector source() {
    return fixture.source();
  }

  /** One full load of the plan (a run in the ledger), as {@code fmap migrate} would do it. */
  public RunSummary migrate(String who) {
    return fixture.load(LoadExecutor.Options.full(who).withBatchSize(40));
  }

  /**
   * One delta load through the executor over the given source (the delta's view of the Spark
   * emulator), with owners resolved as in {@link LoadFixture#load}.
   */
  public RunSummary delta(String who, io.fmap.runtime.source.SourceConnector source) {
    try (io.fmap.runtime.target.TargetConnector target = fixture.target(50); Ledger ledger = fixture.ledger()) {
      java.util.List<io.fmap.runtime.owner.SourceUser> users = fixture.sourceUsers(source);
      return new LoadExecutor(fixture.plan, source, target, fixture.targetSchema, ledger, resolver(users, target), users,
          LoadExecutor.Options.full(who).withBatchSize(40).withMode(io.fmap.runtime.ledger.RunMode.DELTA)).run();
    }
  }

  /** Owners as the loads resolve them (the fixture's fallback team), for reconcile. */
  public Owners owners(io.fmap.runtime.source.SourceConnector source, io.fmap.runtime.target.TargetConnector target) {
    java.util.List<io.fmap.runtime.owner.SourceUser> users = fixture.sourceUsers(source);
    return new Owners(resolver(users, target), users);
  }

  private static io.fmap.runtime.owner.OwnerResolver resolver(java.util.List<io.fmap.runtime.owner.SourceUser> users,
      io.fmap.runtime.target.TargetConnector target) {
    return io.fmap.runtime.owner.OwnerResolver.create(users, new ConnectorDirectory(target),
        io.fmap.runtime.owner.FallbackRule.parse("team:" + LoadFixture.FALLBACK_TEAM));
  }

  /** The Spark emulator's root URL, for its admin endpoints ({@code /_emulator/touch}). */
  public String sparkUrl() {
    return fixture.spark.baseUrl();
  }

  /** The bearer token the Spark emulator wants, admin endpoints included. */
  public String sparkToken() {
    return LoadFixture.SPARK_TOKEN;
  }

  @Override
  public void close() {
    fixture.close();
  }
}
