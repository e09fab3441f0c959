package io.fmap.cli;

import io.fmap.runtime.dataverse.ConfigException;
import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.DataverseConfigLoader;
import io.fmap.runtime.dataverse.Redactor;
import io.fmap.runtime.dataverse.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** The {@code --config} option of verbs that talk to Dataverse. */
final class DataverseOptions {
  @CommandLine.Option(names = "--config", paramLabel = "FILE", defaultValue = "fmap.yaml",
      description = "project configuration with a 'dataverse:' section (default: ${DEFAULT-VALUE})")
  Path config;

  DataverseConfig load() throws ConfigException {
    if (!Files.isRegularFile(config)) {
      throw new ConfigException(config + ": no such file; run in the project folder or pass --config FILE");
    }
    return DataverseConfigLoader.load(config, System.getenv());
  }

  /** Schema verbs run as the first identity: metadata calls are few. */
  static DataverseClient client(DataverseConfig config) {
    return DataverseClient.open(config, config.identities().get(0), RetryPolicy.DEFAULT, new Redactor());
  }
}
