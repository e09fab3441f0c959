package io.fmap.runtime.dataverse;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.runtime.target.LinkOnlyFileStore;
import io.fmap.schema.SystemSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The real target connector against an in-process Dataverse emulator, for tests that count its requests. */
public final class EmulatorConnector {

  /** Retries quick enough for a test: three attempts, waits of milliseconds. */
  public static final RetryPolicy QUICK =
      new RetryPolicy(3, 200, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(1));

  private EmulatorConnector() {}

  /** A connector writing in chunks of {@code batchSize}, over the emulator's schema of {@code tables}. */
  public static DataverseTargetConnector open(DataverseEmulator dv, int batchSize, String... tables) throws Exception {
    URI url = URI.create(dv.rootUrl());
    DataverseConfig config = new DataverseConfig(url, "v9.2", URI.create(dv.tokenUrl("contoso")), url + "/.default",
        List.of(new Identity("fmap-demo", "FMAP_SECRET", Secret.of("fmap-demo"))), batchSize, 2, false, false, null);
    DataverseClient client = DataverseClient.open(config, config.identities().get(0), QUICK, new Redactor());
    SystemSchema schema = new SchemaPuller(client).pull(List.of(tables));
    return DataverseTargetConnector.open(config, schema, QUICK, new LinkOnlyFileStore("https://files.example"));
  }
}
