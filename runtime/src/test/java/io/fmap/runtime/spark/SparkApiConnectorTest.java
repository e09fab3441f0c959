package io.fmap.runtime.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.source.ParallelReads;
import io.fmap.runtime.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP connector against the Spark emulator in-process, on a loopback ephemeral port. */
class SparkApiConnectorTest {
  private static final String TOKEN = "test-token-not-a-secret";
  @TempDir static Path dir;
  static SparkEmulator emulator;

  @BeforeAll
  static void start() throws IOException {
    new SampleGenerator(11, 400).writeTo(dir, false);
    emulator = SparkEmulator.start(dir, "127.0.0.1", 0, SparkEmulatorConfig.withToken(TOKEN));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static SparkApiConfig config() {
    return SparkApiConfig.defaults(URI.create(emulator.baseUrl())).withPageSize(37)
        .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(50));
  }

  static SparkApiConnector connector() {
    return SparkApiConnector.withToken(config(), TOKEN);
  }

  static List<SourceRecord> read(io.fmap.runtime.source.SourceConnector source, String object, Instant since) {
    try (Stream<SourceRecord> s = source.records(object, since, m -> { throw new AssertionError(m.toString()); })) {
      return s.toList();
    }
  }

  static void admin(String pathAndQuery) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void bothConnectorsAgreeRecordForRecord() {
    try (SparkApiConnector api = connector()) {
      ExportFilesConnector files = new ExportFilesConnector(dir);
      assertEquals(files.schema(), api.schema());
      for (var table : files.schema().tables()) {
        if (table.name().equals("Deal") || table.name().equals("Activity")) continue; // touched by other tests
        assertEquals(read(files, table.name(), null), read(api, table.name(), null), table.name());
        assertEquals(files.count(table.name(), null), api.count(table.name(), null), table.name());
      }
    }
  }

  @Test
  void pagingServesEveryRecordOnceWhileRecordsAreTouched(@TempDir Path big) throws Exception {
    new SampleGenerator(12, 29_000).writeTo(big, false); // about 10,400 activities
    try (SparkEmulator busy = SparkEmulator.start(big, "127.0.0.1", 0, SparkEmulatorConfig.withToken(TOKEN));
         SparkApiConnector api = SparkApiConnector.withToken(
             SparkApiConfig.defaults(URI.create(busy.baseUrl())).withPageSize(100), TOKEN)) {
      HttpClient http = HttpClient.newHttpClient();
      long expected = Files.readAllLines(big.resolve("activities.jsonl")).size();
      Set<String> seen = new HashSet<>();
      int n = 0;
      try (Stream<SourceRecord> s = api.records("Activity", null, m -> { throw new AssertionError(m.toString()); })) {
        for (var it = s.iterator(); it.hasNext(); n++) {
          assertTrue(seen.add(it.next().id()), "served twice");
          if (n % 500 == 0) {
            http.send(HttpRequest.newBuilder(URI.create(busy.baseUrl() + "/_emulator/touch?object=Activity&count=40"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
          }
        }
      }
      assertTrue(expected > 10_000, "the test pages over more than 10k records: " + expected);
      assertEquals(expected, seen.size(), "none missing");
    }
  }

  @Test
  void updatedSinceReturnsWhatChanged() throws Exception {
    try (SparkApiConnector api = connector()) {
      Instant before = Instant.now().minusSeconds(1);
      admin("/_emulator/touch?object=Deal&count=6");
      List<SourceRecord> changed = read(api, "Deal", before);
      assertEquals(6, changed.size());
      assertTrue(changed.stream().allMatch(r -> !Instant.parse((String) r.get("updated_at")).isBefore(before)));
      assertEquals(6, api.count("Deal", before));
    }
  }

  @Test
  void aRateLimitAnswerIsWaitedOutAndTheReadGoesOn() throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    SparkApiConfig cfg = config();
    try (SparkApiConnector api = new SparkApiConnector(cfg, name -> TOKEN, waits::add)) {
      admin("/_emulator/faults?status=429&count=2&retry_after=7");
      List<SourceRecord> users = read(api, "User", null);
      assertEquals(20, users.size());
      assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(50)), waits,
          "Retry-After honoured but capped at the configured longest wait");
    }
  }

  @Test
  void serverErrorsAreRetriedWithGrowingBackoffThenReported() throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (SparkApiConnector api = new SparkApiConnector(config(), name -> TOKEN, waits::add)) {
      admin("/_emulator/faults?status=503&count=2");
      assertEquals(20, read(api, "User", null).size());
      assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(10)), waits);
      admin("/_emulator/faults?status=503&count=4");
      SourceException e = assertThrows(SourceException.class, () -> read(api, "User", null));
      assertTrue(e.getMessage().contains("503") && e.getMessage().contains("3 retries"), e.getMessage());
    }
  }

  @Test
  void aMissingTokenIsAClearErrorNamingTheVariable() {
    SourceException e = assertThrows(SourceException.class,
        () -> new SparkApiConnector(config().withTokenEnv("FMAP_TEST_SPARK_TOKEN"), name -> null, d -> { }));
    assertTrue(e.getMessage().contains("FMAP_TEST_SPARK_TOKEN") && e.getMessage().contains("environment"), e.getMessage());
  }

  @Test
  void aRefusedTokenSaysSoWithoutShowingIt() {
    try (SparkApiConnector api = SparkApiConnector.withToken(config(), "stale-token-123")) {
      SourceException e = assertThrows(SourceException.class, api::schema);
      assertTrue(e.getMessage().contains("401") && e.getMessage().contains("SPARK_TOKEN"), e.getMessage());
      assertFalse(e.getMessage().contains("stale-token-123"));
    }
  }

  @Test
  void independentObjectsAreReadInParallel() {
    try (SparkApiConnector api = connector()) {
      Map<String, Integer> got = new ConcurrentHashMap<>();
      Map<String, Long> counts = ParallelReads.readAll(api, List.of("Company", "Contact", "Project", "User"), null, 4,
          Duration.ofSeconds(60), (object, record) -> got.merge(object, 1, Integer::sum), m -> { });
      ExportFilesConnector files = new ExportFilesConnector(dir);
      for (String object : List.of("Company", "Contact", "Project", "User")) {
        assertEquals(files.count(object, null), counts.get(object));
        assertEquals(counts.get(object).intValue(), got.get(object));
      }
    }
  }

  @Test
  void fileBodiesStreamAndTheLargeOneIsMadeOnTheFly() throws IOException {
    try (SparkApiConnector api = connector()) {
      try (InputStream in = api.openFile("fil-0000002")) {
        assertEquals(Files.size(dir.resolve("files/fil-0000002")), in.readAllBytes().length);
      }
      try (InputStream in = api.openFile(SampleGenerator.LARGE_FILE_ID)) {
        byte[] head = in.readNBytes(1 << 20);
        assertEquals(1 << 20, head.length, "the 128 MB body starts streaming without being stored");
      }
      SourceException e = assertThrows(SourceException.class, () -> api.openFile("fil-9999999"));
      assertTrue(e.getMessage().contains("404"), e.getMessage());
    }
  }

  @Test
  void exportLinesThatAreNotRecordsAreNotServedAndTheRestIs(@TempDir Path broken) throws Exception {
    ExportFilesConnectorTest.copy(dir, broken);
    List<String> lines = new ArrayList<>(Files.readAllLines(broken.resolve("users.jsonl")));
    lines.set(3, "{\"id\": 17.5, \"name\": \"a fractional id\"}");
    Files.write(broken.resolve("users.jsonl"), lines);
    try (SparkEmulator other = SparkEmulator.start(broken, "127.0.0.1", 0, SparkEmulatorConfig.withToken(TOKEN));
         SparkApiConnector api = SparkApiConnector.withToken(SparkApiConfig.defaults(URI.create(other.baseUrl())), TOKEN)) {
      List<String> skipped = other.skippedLines();
      assertEquals(List.of("users.jsonl:4"), skipped, "the emulator does not serve what is not a record");
      assertEquals(19, read(api, "User", null).size());
    }
  }
}
