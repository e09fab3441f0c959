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

  @Override
  public void close() {
    fixture.close();
  }
}
