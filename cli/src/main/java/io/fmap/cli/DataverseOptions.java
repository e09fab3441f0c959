package io.fmap.cli;

import io.fmap.runtime.dataverse.ConfigException;
import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.DataverseConfigLoader;
import io.fmap.runtime.dataverse.Redactor;
import io.fmap.runtime.dataverse.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** The {@code --config} option of verbs that talk to Dataverse. */
final class DataverseOptions {
  /** Where secrets are read from; tests put their own variables here instead of the process environment. */
  static java.util.function.Function<String, String> environment = System::getenv;

  @CommandLine.Option(names = "--config", paramLabel = "FILE", defaultValue = "fmap.yaml",
      description = "project configuration with a 'dataverse:' section (default: ${DEFAULT-VALUE})")
  Path config;

  DataverseConfig load() throws ConfigException {
    if (!Files.isRegularFile(config)) {
      throw new ConfigException(config + ": no such file; run in the project folder or pass --config FILE");
    }
    Map<String, String> env = new java.util.AbstractMap<>() {
      @Override public String get(Object name) { return environment.apply(String.valueOf(name)); }
      @Override public java.util.Set<Entry<String, String>> entrySet() { return java.util.Set.of(); }
    };
    return DataverseConfigLoader.load(config, env);
  }

  /** The configuration, or null after telling {@code err} why it cannot be used (the verb exits USAGE). */
  DataverseConfig loadOrExplain(java.io.PrintWriter err) {
    try {
      return load();
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return null;
    }
  }

  /** Schema verbs run as the first identity: metadata calls are few. */
  static DataverseClient client(DataverseConfig config) {
    return DataverseClient.open(config, config.identities().get(0), RetryPolicy.DEFAULT, new Redactor());
  }
}
