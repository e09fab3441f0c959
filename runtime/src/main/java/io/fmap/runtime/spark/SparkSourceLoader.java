package io.fmap.runtime.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fmap.runtime.source.SourceException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/** Parses the {@code spark:} section of {@code fmap.yaml} into a {@link SparkSource}. */
final class SparkSourceLoader {
  private static final Set<String> KEYS = Set.of("export", "url", "tokenEnv", "pageSize", "maxRetries", "paths");
  private static final Set<String> PATH_KEYS = Set.of("schema", "records", "count", "file");

  private SparkSourceLoader() {}

  static SparkSource load(Path fmapYaml) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readString(fmapYaml));
    } catch (IOException e) {
      throw new SourceException(fmapYaml + ": cannot read it as YAML (" + e.getMessage().lines().findFirst().orElse("")
          + "); fix the file or pass another with --config");
    }
    JsonNode spark = root == null ? null : root.get("spark");
    if (spark == null || !spark.isObject()) {
      throw new SourceException(fmapYaml + ": no 'spark:' section; add 'export: DIR' or 'url:' with 'tokenEnv:'");
    }
    Path base = fmapYaml.toAbsolutePath().getParent();
    return parse(fmapYaml + ": spark.", spark, base);
  }

  static SparkSource parse(String at, JsonNode spark, Path base) {
    for (Iterator<String> it = spark.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.toLowerCase(java.util.Locale.ROOT).contains("token") && !key.equals("tokenEnv")) {
        throw new SourceException(at + key + ": a token never goes in fmap.yaml; put it in an environment"
            + " variable and name it with tokenEnv");
      }
      if (!KEYS.contains(key)) throw new SourceException(at + key + ": unknown key; known: " + new java.util.TreeSet<>(KEYS));
    }
    boolean files = spark.hasNonNull("export");
    boolean api = spark.hasNonNull("url");
    if (files == api) {
      throw new SourceException(at.substring(0, at.length() - 1) + ": give exactly one of 'export:' (a folder) and 'url:' (the export API)");
    }
    if (files) return new SparkSource.ExportFiles(base.resolve(spark.get("export").asText()).normalize());
    URI url;
    try {
      url = URI.create(spark.get("url").asText());
    } catch (IllegalArgumentException e) {
      throw new SourceException(at + "url: not a URL: " + spark.get("url").asText());
    }
    if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
      throw new SourceException(at + "url: needs http:// or https://, was " + url);
    }
    SparkApiConfig d = SparkApiConfig.defaults(url);
    JsonNode paths = spark.path("paths");
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!PATH_KEYS.contains(key)) throw new SourceException(at + "paths." + key + ": unknown; known: " + new java.util.TreeSet<>(PATH_KEYS));
    }
    return new SparkSource.ExportApi(new SparkApiConfig(url,
        paths.path("schema").asText(d.schemaPath()), paths.path("records").asText(d.recordsPath()),
        paths.path("count").asText(d.countPath()), paths.path("file").asText(d.filePath()),
        positive(at + "pageSize", spark.path("pageSize"), d.pageSize()), spark.path("tokenEnv").asText(d.tokenEnv()),
        positive(at + "maxRetries", spark.path("maxRetries"), d.maxRetries()), d.initialBackoff(), d.maxWait(),
        Duration.ofSeconds(60)));
  }

  private static int positive(String where, JsonNode value, int fallback) {
    if (value.isMissingNode() || value.isNull()) return fallback;
    if (!value.canConvertToInt() || value.asInt() < 0 || !value.isIntegralNumber()) {
      throw new SourceException(where + ": needs a whole number of 0 or more, was " + value);
    }
    return value.asInt();
  }
}
