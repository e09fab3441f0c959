package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code dataverse:} section of {@code fmap.yaml}. Secrets come only from environment
 * variables named in the file: a {@code secret:} key in the file is refused, so that a credential
 * never lands in git.
 *
 * <pre>
 * dataverse:
 *   url: https://contoso.crm4.dynamics.com
 *   tenant: 00000000-0000-0000-0000-000000000000   # or tokenUrl: https://.../token
 *   identities:
 *     - clientId: 11111111-1111-1111-1111-111111111111
 *       secretEnv: FMAP_DATAVERSE_SECRET
 *   batchSize: 500
 *   maxParallelism: 16
 *   bypassBusinessLogic: false
 *   suppressPowerAutomate: false
 * </pre>
 */
public final class DataverseConfigLoader {
  private static final YAMLMapper YAML = new YAMLMapper();

  private DataverseConfigLoader() {}

  public static DataverseConfig load(Path file, Map<String, String> env) throws ConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read it as YAML (" + firstLine(e.getMessage())
          + "); fix the file or pass another with --config");
    }
    JsonNode dv = root == null ? null : root.get("dataverse");
    if (dv == null || !dv.isObject()) {
      throw new ConfigException(file + ": no 'dataverse:' section; add one with at least 'url:' and 'identities:'");
    }
    return parse(file.toString(), dv, env);
  }

  public static DataverseConfig parse(String where, JsonNode dv, Map<String, String> env) throws ConfigException {
    String at = where + ": dataverse.";
    URI url = uri(at + "url", required(dv, "url", at));
    String api = text(dv, "apiVersion", DataverseConfig.DEFAULT_API_VERSION);
    URI tokenUrl;
    if (dv.hasNonNull("tokenUrl")) {
      tokenUrl = uri(at + "tokenUrl", dv.get("tokenUrl").asText());
    } else if (dv.hasNonNull("tenant")) {
      tokenUrl = uri(at + "tenant", "https://login.microsoftonline.com/" + dv.get("tenant").asText()
          + "/oauth2/v2.0/token");
    } else {
      throw new ConfigException(at + "tenant is missing; set 'tenant: <directory id>' or 'tokenUrl:'");
    }
    String scope = text(dv, "scope", url.toString().replaceAll("/+$", "") + "/.default");
    List<Identity> ids = identities(dv, at, env);
    try {
      return new DataverseConfig(url, api, tokenUrl, scope, ids,
          dv.path("batchSize").asInt(DataverseConfig.DEFAULT_BATCH_SIZE),
          dv.path("maxParallelism").asInt(DataverseConfig.DEFAULT_MAX_PARALLELISM),
          dv.path("bypassBusinessLogic").asBoolean(false),
          dv.path("suppressPowerAutomate").asBoolean(false),
          dv.hasNonNull("solution") ? dv.get("solution").asText() : null);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(at + e.getMessage());
    }
  }

  private static List<Identity> identities(JsonNode dv, String at, Map<String, String> env) throws ConfigException {
    List<JsonNode> nodes = new ArrayList<>();
    if (dv.has("identities")) {
      if (!dv.get("identities").isArray() || dv.get("identities").isEmpty()) {
        throw new ConfigException(at + "identities must be a list of {clientId, secretEnv}");
      }
      dv.get("identities").forEach(nodes::add);
    } else {
      nodes.add(dv); // shorthand: clientId and secretEnv directly under dataverse:
    }
    List<Identity> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      String here = dv.has("identities") ? at + "identities[" + i + "]." : at;
      if (n.has("secret") || n.has("clientSecret")) {
        throw new ConfigException(here + "secret: secrets are never read from a file; remove it, "
            + "put the secret in an environment variable and name it with 'secretEnv:'");
      }
      String clientId = required(n, "clientId", here);
      String envName = required(n, "secretEnv", here);
      String value = env.get(envName);
      if (value == null || value.isBlank()) {
        throw new ConfigException(here + "secretEnv: environment variable " + envName
            + " is not set; export it with the client secret of application " + clientId);
      }
      out.add(new Identity(clientId, envName, Secret.of(value)));
    }
    return out;
  }

  private static String required(JsonNode n, String key, String at) throws ConfigException {
    if (!n.hasNonNull(key) || n.get(key).asText().isBlank()) {
      throw new ConfigException(at + key + " is missing; add it");
    }
    return n.get(key).asText();
  }

  private static String text(JsonNode n, String key, String fallback) {
    return n.hasNonNull(key) ? n.get(key).asText() : fallback;
  }

  private static URI uri(String where, String value) throws ConfigException {
    try {
      URI u = new URI(value);
      if (u.getScheme() == null || u.getHost() == null) throw new URISyntaxException(value, "needs scheme and host");
      return u;
    } catch (URISyntaxException e) {
      throw new ConfigException(where + ": '" + value + "' is not an absolute URL like https://contoso.crm.dynamics.com");
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "unknown error";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
