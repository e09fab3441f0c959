package io.fmap.runtime.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the HTTP connector sends and how it copes with answers the emulator never gives. */
class SparkApiWireTest {
  private static final String SCHEMA = """
      {"objects": [{"name": "Contact", "collection": "people", "fields": [{"name": "id", "type": "id"}]}]}""";
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SparkApiConnector connector(SparkApiConfig config, List<Duration> waits) {
    return new SparkApiConnector(config, name -> "wire-token", waits::add);
  }

  private SparkApiConfig config() {
    return new SparkApiConfig(URI.create(server.url("/").toString()), "/x/schema", "/x/data/{collection}",
        "/x/data/{collection}/n", "/x/blob/{id}", 2, "SPARK_TOKEN", 2, Duration.ofMillis(1), Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("no request arrived");
    return r;
  }

  @Test
  void configuredPathsPageSizeCursorUpdatedSinceAndTokenAreSent() throws Exception {
    server.enqueue(json(SCHEMA));
    server.enqueue(json("{\"data\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"next_cursor\": \"c1\"}"));
    server.enqueue(json("{\"data\": [{\"id\": \"c\"}], \"next_cursor\": null}"));
    Instant since = Instant.parse("2026-03-01T00:00:00Z");
    try (SparkApiConnector api = connector(config(), new ArrayList<>());
         Stream<SourceRecord> records = api.records("Contact", since, m -> { })) {
      assertEquals(List.of("a", "b", "c"), records.map(SourceRecord::id).toList());
    }
    assertEquals("/x/schema", take().getUrl().encodedPath());
    RecordedRequest first = take();
    assertEquals("/x/data/people", first.getUrl().encodedPath());
    assertEquals("2", first.getUrl().queryParameter("limit"));
    assertEquals("2026-03-01T00:00:00Z", first.getUrl().queryParameter("updated_since"));
    assertEquals("Bearer wire-token", first.getHeaders().get("Authorization"));
    assertEquals("c1", take().getUrl().queryParameter("cursor"));
  }

  @Test
  void anItemThatIsNotARecordIsQuarantinedWithItsPageAndPosition() {
    server.enqueue(json(SCHEMA));
    server.enqueue(json("{\"data\": [{\"id\": \"a\"}, {\"name\": \"no id\"}, \"text\"], \"next_cursor\": null}"));
    List<MalformedRecord> bad = new ArrayList<>();
    try (SparkApiConnector api = connector(config(), new ArrayList<>());
         Stream<SourceRecord> records = api.records("Contact", null, bad::add)) {
      assertEquals(List.of("a"), records.map(SourceRecord::id).toList());
    }
    assertEquals(List.of("GET /x/data/people page 1 item 2: the record has no \"id\"",
        "GET /x/data/people page 1 item 3: not a JSON object"), bad.stream().map(MalformedRecord::toString).toList());
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", in3s).build());
    server.enqueue(json(SCHEMA));
    List<Duration> waits = new ArrayList<>();
    try (SparkApiConnector api = connector(config(), waits)) {
      api.schema();
    }
    assertEquals(1, waits.size());
    assertTrue(waits.get(0).compareTo(Duration.ofSeconds(1)) > 0 && waits.get(0).compareTo(Duration.ofSeconds(4)) <= 0,
        waits.toString());
  }

  @Test
  void aServerThatRepeatsItsCursorIsStoppedNotFollowedForever() {
    server.enqueue(json(SCHEMA));
    server.enqueue(json("{\"data\": [{\"id\": \"a\"}], \"next_cursor\": \"same\"}"));
    server.enqueue(json("{\"data\": [{\"id\": \"a\"}], \"next_cursor\": \"same\"}"));
    try (SparkApiConnector api = connector(config(), new ArrayList<>())) {
      SourceException e = assertThrows(SourceException.class, () -> {
        try (Stream<SourceRecord> records = api.records("Contact", null, m -> { })) {
          records.count();
        }
      });
      assertTrue(e.getMessage().contains("same cursor twice"), e.getMessage());
    }
  }

  @Test
  void withoutACountEndpointRecordsAreCounted() {
    server.enqueue(json(SCHEMA));
    server.enqueue(new MockResponse.Builder().code(404).build());
    server.enqueue(json("{\"data\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"next_cursor\": null}"));
    try (SparkApiConnector api = connector(config(), new ArrayList<>())) {
      assertEquals(2, api.count("Contact", null));
    }
  }
}
