package io.fmap.cli;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.dataverse.RetryPolicy;
import io.fmap.runtime.exec.ConnectorDirectory;
import io.fmap.runtime.ledger.LedgerLocation;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.spark.SparkApiConnector;
import io.fmap.runtime.spark.SparkSource;
import io.fmap.runtime.target.LargeFileStore;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything a data verb runs against, resolved from {@link DataVerbOptions}: the source, the target,
 * the ledger, the fallback owner rule ({@code fallbackOwner:} in fmap.yaml)
 * and where files too large for Dataverse go ({@code largeFiles:}, {@link DataVerbOptions#largeFiles}).
 */
record DataProject(java.nio.file.Path dir, SparkSource source, DataverseConfig target,
    LedgerLocation ledger, FallbackRule fallback, LargeFileStore largeFiles, Function<String, String> environment) {

  /** The source connector; the export API's token comes from the variable its configuration names. */
  SourceConnector openSource() throws DataVerbOptions.Unusable {
    if (source instanceof SparkSource.ExportApi api) {
      return SparkApiConnector.withToken(api.config(), token(api, environment));
    }
    return source.open();
  }

  /** The export API's token, from the variable its configuration names ({@code spark.tokenEnv}). */
  static String token(SparkSource.ExportApi api, Function<String, String> environment) throws DataVerbOptions.Unusable {
    String token = environment.apply(api.config().tokenEnv());
    if (token == null || token.isBlank()) {
      throw new DataVerbOptions.Unusable("environment variable " + api.config().tokenEnv()
          + " is not set; export it with the Spark export API token");
    }
    return token;
  }

  /** The target connector, addressing tables as {@code schema} (the approved plan's target) names them. */
  TargetConnector openTarget(SystemSchema schema) {
    return DataverseTargetConnector.open(target, schema, RetryPolicy.DEFAULT, largeFiles);
  }

  /** Spark's users, as owner resolution matches them by email. */
  static List<SourceUser> sourceUsers(SourceConnector source) {
    try (Stream<SourceRecord> records = source.records("User", null, bad -> { })) {
      return records.map(SourceUser::of).toList();
    }
  }

  OwnerResolver owners(List<SourceUser> users, TargetConnector connector) {
    return OwnerResolver.create(users, new ConnectorDirectory(connector), fallback);
  }
}
