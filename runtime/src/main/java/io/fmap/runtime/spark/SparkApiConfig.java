package io.fmap.runtime.spark;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one deployment of the Spark export API. Everything is configurable in
 * {@code fmap.yaml} because real deployments differ; the defaults are the documented shape
 * ({@code docs/spark-export-format.md}). {@code {collection}} and {@code {id}} are replaced in paths.
 *
 * @param baseUrl          scheme, host and port ({@code https://acme.sparkcrm.example})
 * @param schemaPath       {@code /api/v1/schema}
 * @param recordsPath      {@code /api/v1/{collection}}
 * @param countPath        {@code /api/v1/{collection}/count}
 * @param filePath         {@code /api/v1/files/{id}/content}
 * @param pageSize         records asked per page ({@code limit})
 * @param tokenEnv         environment variable holding the bearer token; never a file in git
 * @param maxRetries       attempts after the first for 429, 5xx and broken connections
 * @param initialBackoff   first wait after a failure; doubles each attempt
 * @param maxWait          the longest single wait, also the cap on a server's Retry-After
 * @param readTimeout      per request
 */
public record SparkApiConfig(URI baseUrl, String schemaPath, String recordsPath, String countPath, String filePath,
                             int pageSize, String tokenEnv, int maxRetries, Duration initialBackoff,
                             Duration maxWait, Duration readTimeout) {

  public SparkApiConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (pageSize < 1) throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
    if (maxRetries < 0) throw new IllegalArgumentException("max retries must not be negative, was " + maxRetries);
  }

  public static SparkApiConfig defaults(URI baseUrl) {
    return new SparkApiConfig(baseUrl, "/api/v1/schema", "/api/v1/{collection}", "/api/v1/{collection}/count",
        "/api/v1/files/{id}/content", 500, "SPARK_TOKEN", 5, Duration.ofMillis(500), Duration.ofSeconds(60),
        Duration.ofSeconds(60));
  }

  public SparkApiConfig withPageSize(int size) {
    return new SparkApiConfig(baseUrl, schemaPath, recordsPath, countPath, filePath, size, tokenEnv, maxRetries,
        initialBackoff, maxWait, readTimeout);
  }

  public SparkApiConfig withTokenEnv(String env) {
    return new SparkApiConfig(baseUrl, schemaPath, recordsPath, countPath, filePath, pageSize, env, maxRetries,
        initialBackoff, maxWait, readTimeout);
  }

  public SparkApiConfig withRetries(int retries, Duration initial, Duration max) {
    return new SparkApiConfig(baseUrl, schemaPath, recordsPath, countPath, filePath, pageSize, tokenEnv, retries,
        initial, max, readTimeout);
  }
}
