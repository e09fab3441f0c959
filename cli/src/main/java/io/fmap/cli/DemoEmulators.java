package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Both emulators of {@code fmap demo}, in this process on free loopback ports: the Spark export API
 * serving the generated export, and a Dataverse org with the standard Sales tables. The verbs reach
 * them over HTTP through the real connectors, exactly as they would reach the real systems.
 */
final class DemoEmulators implements AutoCloseable {
  static final String HOST = "127.0.0.1";
  /** The Dataverse emulator's built-in client; its id and secret are both this. */
  static final String CLIENT = "fmap-demo";
  /** The team the Dataverse emulator seeds; records whose Spark owner matches no enabled user go to it. */
  static final String TEAM = "fmap-demo";
  static final String SPARK_TOKEN_ENV = "FMAP_DEMO_SPARK_TOKEN";
  static final String SECRET_ENV = "FMAP_DEMO_SECRET";
  private static final String SPARK_TOKEN = "fmap-demo-spark";

  /**
   * The only variables the demo's verbs see: the emulators' credentials. Nothing comes from the
   * process environment, so a real org's FMAP_TARGET_* settings can never point the demo at it.
   */
  static final Map<String, String> ENVIRONMENT = Map.of(SPARK_TOKEN_ENV, SPARK_TOKEN, SECRET_ENV, CLIENT);

  private final SparkEmulator spark;
  private final DataverseEmulator dataverse;

  private DemoEmulators(SparkEmulator spark, DataverseEmulator dataverse) {
    this.spark = spark;
    this.dataverse = dataverse;
  }

  /** @param bearer whether the org requires a token from its token endpoint ({@code --auth bearer}) */
  static DemoEmulators start(Path export, boolean bearer) throws IOException {
    SparkEmulator spark = SparkEmulator.start(export, HOST, 0, SparkEmulatorConfig.withToken(SPARK_TOKEN));
    try {
      return new DemoEmulators(spark, DataverseEmulator.start(EmulatorConfig.defaults().withHost(HOST).withAuth(bearer)));
    } catch (IOException | RuntimeException e) {
      spark.close();
      throw e;
    }
  }

  String describe() {
    return "Spark export API " + spark.baseUrl() + ", Dataverse " + dataverse.rootUrl()
        + (dataverse.config().auth() ? " (client " + CLIENT + ")" : " (auth none)");
  }

  /** The {@code spark:} and {@code dataverse:} settings that point a project at these emulators. */
  String fmapYamlSpark() {
    return "spark:\n"
        + "  url: " + spark.baseUrl() + "\n"
        + "  tokenEnv: " + SPARK_TOKEN_ENV + "\n";
  }

  String fmapYamlDataverse() {
    return "dataverse:\n"
        + "  url: " + dataverse.rootUrl() + "\n"
        + "  tokenUrl: " + dataverse.tokenUrl("contoso") + "\n"
        + "  clientId: " + CLIENT + "\n"
        + "  secretEnv: " + SECRET_ENV + "\n";
  }

  /**
   * Edits {@code count} records of a Spark object as a user would in Spark (a text field changes,
   * updated_at moves on), through the emulator's admin endpoint.
   *
   * @return how many records were edited
   */
  int touch(String object, int count) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(spark.baseUrl() + "/_emulator/touch?object=" + object
            + "&count=" + count))
        .header("Authorization", "Bearer " + SPARK_TOKEN).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("the Spark emulator refused to edit " + object + " records: HTTP " + response.statusCode()
          + " " + response.body());
    }
    return new ObjectMapper().readTree(response.body()).path("touched").asInt();
  }

  /** Rows the org holds in a table now, whoever wrote them. */
  int rows(String table) {
    return dataverse.count(table);
  }

  @Override
  public void close() {
    try {
      dataverse.close();
    } finally {
      spark.close();
    }
  }
}
