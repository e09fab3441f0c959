package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fmap.runtime.dataverse.ConfigException;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.DataverseConfigLoader;
import io.fmap.runtime.ledger.LedgerLocation;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.source.SourceException;
import io.fmap.runtime.spark.SparkApiConfig;
import io.fmap.runtime.spark.SparkSource;
import io.fmap.runtime.target.DirectoryFileStore;
import io.fmap.runtime.target.LargeFileStore;
import io.fmap.runtime.target.LinkOnlyFileStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The command-line contract of the data verbs ({@code preflight}, {@code migrate}): where the project
 * is, where the Spark records come from and which org they go to. Options override {@code fmap.yaml};
 * target credentials come from {@code FMAP_TARGET_*} variables when set. Every way this can be
 * unusable is a {@link Unusable} with the next step, which the verb prints and exits {@link Fmap#USAGE}.
 */
final class DataVerbOptions {
  static final String TENANT = "FMAP_TARGET_TENANT";
  static final String CLIENT_ID = "FMAP_TARGET_CLIENT_ID";
  static final String CLIENT_SECRET = "FMAP_TARGET_CLIENT_SECRET";
  static final String TOKEN_URL = "FMAP_TARGET_TOKEN_URL";

  @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
      description = "the project folder, holding fmap.yaml (default: the current folder)")
  Path project;

  @Option(names = "--source-dir", paramLabel = "DIR", description = "read the Spark export files in DIR (overrides spark: in fmap.yaml)")
  Path sourceDir;

  @Option(names = "--source-url", paramLabel = "URL",
      description = "read the Spark export API at URL; its token comes from the variable spark.tokenEnv names (SPARK_TOKEN)")
  URI sourceUrl;

  @Option(names = "--target-url", paramLabel = "URL", description = "the Dynamics org URL (overrides dataverse.url in fmap.yaml)")
  URI targetUrl;

  /** A setting that cannot be used, with what to do about it. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message);
    }
  }

  /** Reads fmap.yaml, the options and the environment into everything a data verb needs; opens nothing. */
  DataProject resolve() throws Unusable {
    Path dir = project.toAbsolutePath().normalize();
    Path yaml = dir.resolve("fmap.yaml");
    if (!Files.isRegularFile(yaml)) {
      throw new Unusable(dir + ": no fmap.yaml here; run in the project folder or pass --project DIR");
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readString(yaml));
    } catch (IOException e) {
      throw new Unusable(yaml + ": cannot read it as YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject()) root = JsonNodeFactory.instance.objectNode();
    SparkSource source = source(yaml, root);
    if (source instanceof SparkSource.ExportApi api) {
      DataProject.token(api, DataverseOptions.environment); // a missing token is a usage error before any work
    }
    try {
      return new DataProject(dir, source, target(yaml, root),
          LedgerLocation.parse(dir, root.path("ledger").asText(null)),
          FallbackRule.parse(root.path("fallbackOwner").asText(null)), largeFiles(dir, yaml, root.path("largeFiles")),
          DataverseOptions.environment);
    } catch (IllegalArgumentException e) {
      throw new Unusable(yaml + ": " + e.getMessage());
    }
  }

  /**
   * {@code largeFiles:} in fmap.yaml: where files larger than the org's maxuploadfilesize go. A text is
   * the base link of a document location people copy them into (link only: nothing is copied; the
   * default is the project's {@code large-files} folder); {@code {directory: DIR}} copies each file
   * into DIR (relative to the project) and links to the copy.
   */
  static LargeFileStore largeFiles(Path dir, Path yaml, JsonNode node) throws Unusable {
    if (node.isMissingNode() || node.isNull()) return new LinkOnlyFileStore(dir.resolve("large-files").toUri().toString());
    if (node.isTextual() && !node.asText().isBlank()) return new LinkOnlyFileStore(node.asText());
    if (node.isObject() && node.size() == 1 && node.path("directory").isTextual()) {
      return new DirectoryFileStore(dir.resolve(node.get("directory").asText()));
    }
    throw new Unusable(yaml + ": largeFiles: give the link of a document location (largeFiles: "
        + "https://contoso.sharepoint.com/sites/crm/migrated) or a folder to copy the files into "
        + "(largeFiles: {directory: large-files})");
  }

  private SparkSource source(Path yaml, JsonNode root) throws Unusable {
    if (sourceDir != null && sourceUrl != null) {
      throw new Unusable("give one source: --source-dir DIR (export files) or --source-url URL (export API), not both");
    }
    if (sourceDir != null) {
      Path dir = sourceDir.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) throw new Unusable("--source-dir " + sourceDir + ": no such folder; pass the folder of the Spark export");
      return new SparkSource.ExportFiles(dir);
    }
    if (sourceUrl != null) {
      if (sourceUrl.getScheme() == null || !sourceUrl.getScheme().startsWith("http")) {
        throw new Unusable("--source-url " + sourceUrl + ": needs http:// or https://");
      }
      SparkApiConfig d = SparkApiConfig.defaults(sourceUrl);
      String tokenEnv = root.path("spark").path("tokenEnv").asText(d.tokenEnv());
      return new SparkSource.ExportApi(new SparkApiConfig(sourceUrl, d.schemaPath(), d.recordsPath(), d.countPath(),
          d.filePath(), d.pageSize(), tokenEnv, d.maxRetries(), d.initialBackoff(), d.maxWait(), d.readTimeout()));
    }
    if (!root.has("spark")) {
      throw new Unusable("no source: pass --source-dir DIR or --source-url URL, or add a 'spark:' section to " + yaml);
    }
    try {
      return SparkSource.load(yaml);
    } catch (SourceException e) {
      throw new Unusable(e.getMessage());
    }
  }

  /**
   * The {@code dataverse:} section with the options and variables laid over it, then read by the
   * connector's own loader, so both ways of configuring the target are checked by one set of rules.
   */
  private DataverseConfig target(Path yaml, JsonNode root) throws Unusable {
    ObjectNode dv = root.path("dataverse").isObject() ? ((ObjectNode) root.get("dataverse")).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    if (targetUrl != null) dv.put("url", targetUrl.toString());
    if (!dv.hasNonNull("url")) {
      throw new Unusable("no target: pass --target-url URL or add a 'dataverse:' section with 'url:' to " + yaml);
    }
    String tenant = env(TENANT);
    String tokenUrl = env(TOKEN_URL);
    if (tokenUrl != null) {
      dv.put("tokenUrl", tokenUrl);
    } else if (tenant != null) {
      dv.remove("tokenUrl"); // the tenant's Entra ID token URL, which the loader derives
      dv.put("tenant", tenant);
    }
    String clientId = env(CLIENT_ID);
    if (clientId != null) {
      dv.remove("identities");
      dv.put("clientId", clientId);
      dv.put("secretEnv", CLIENT_SECRET);
    } else if (!dv.has("identities") && !dv.has("secretEnv")) {
      dv.put("secretEnv", CLIENT_SECRET);
    }
    if (!dv.has("identities") && !dv.hasNonNull("clientId")) {
      throw new Unusable("no target identity: set " + CLIENT_ID + " and " + CLIENT_SECRET
          + " or add 'clientId:' and 'secretEnv:' under dataverse: in " + yaml);
    }
    Map<String, String> variables = new AbstractMap<>() {
      @Override public String get(Object name) { return env(String.valueOf(name)); }
      @Override public Set<Entry<String, String>> entrySet() { return Set.of(); }
    };
    try {
      return DataverseConfigLoader.parse(yaml.toString(), dv, variables);
    } catch (ConfigException e) {
      throw new Unusable(e.getMessage());
    }
  }

  private static String env(String name) {
    String value = DataverseOptions.environment.apply(name);
    return value == null || value.isBlank() ? null : value;
  }
}
