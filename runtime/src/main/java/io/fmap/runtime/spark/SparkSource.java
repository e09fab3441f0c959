package io.fmap.runtime.spark;

import io.fmap.runtime.source.SourceConnector;
import java.nio.file.Path;

/**
 * Where the Spark records come from, as the {@code spark:} section of {@code fmap.yaml} says:
 * an export folder, or the export API. The token is named, never given: {@code tokenEnv}.
 *
 * <pre>
 * spark:
 *   export: ./spark-export            # export files (relative to fmap.yaml), or:
 *   url: https://acme.sparkcrm.example
 *   tokenEnv: SPARK_TOKEN
 *   pageSize: 500
 *   maxRetries: 5
 *   paths: {schema: /api/v1/schema, records: "/api/v1/{collection}", count: "/api/v1/{collection}/count",
 *           file: "/api/v1/files/{id}/content"}
 * </pre>
 */
public sealed interface SparkSource {

  /** Opens the connector; for the API, fails here when the token variable is not set. */
  SourceConnector open();

  record ExportFiles(Path dir) implements SparkSource {
    @Override
    public SourceConnector open() {
      return new ExportFilesConnector(dir);
    }
  }

  record ExportApi(SparkApiConfig config) implements SparkSource {
    @Override
    public SourceConnector open() {
      return new SparkApiConnector(config);
    }
  }

  /** Reads the {@code spark:} section of {@code fmap.yaml}; errors name the file and key. */
  static SparkSource load(Path fmapYaml) {
    return SparkSourceLoader.load(fmapYaml);
  }
}
