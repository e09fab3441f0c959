package io.fmap.emulator.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.generate.SampleGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkEmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  static SparkEmulator emulator;

  @BeforeAll
  static void start() throws IOException {
    new SampleGenerator(5, 400).writeTo(dir, false);
    emulator = SparkEmulator.start(dir, "127.0.0.1", 0, SparkEmulatorConfig.withToken("t0ken"));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String pathAndQuery) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
        .header("Authorization", "Bearer t0ken").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestsWithoutTheTokenAreRefused() throws Exception {
    assertEquals(401, get("/api/v1/contacts", null).statusCode());
    assertEquals(401, get("/api/v1/contacts", "wrong").statusCode());
    assertEquals(200, get("/api/v1/contacts", "t0ken").statusCode());
  }

  @Test
  void theSchemaIsTheExportsSchemaJson() throws Exception {
    assertEquals(Files.readString(dir.resolve("schema.json")), get("/api/v1/schema", "t0ken").body());
  }

  @Test
  void pagesFollowTheCursorToTheEnd() throws Exception {
    long expected = Files.readAllLines(dir.resolve("contacts.jsonl")).size();
    Set<String> ids = new HashSet<>();
    String cursor = null;
    for (int pages = 0; pages < 1000; pages++) {
      JsonNode page = JSON.readTree(get("/api/v1/contacts?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), "t0ken").body());
      page.get("data").forEach(r -> assertTrue(ids.add(r.get("id").asText()), "served twice: " + r.get("id")));
      if (page.get("next_cursor").isNull()) break;
      cursor = page.get("next_cursor").asText();
    }
    assertEquals(expected, ids.size());
    assertEquals("{\"count\":" + expected + "}", get("/api/v1/contacts/count", "t0ken").body());
  }

  @Test
  void touchedRecordsAreWhatUpdatedSinceReturns() throws Exception {
    JsonNode touched = JSON.readTree(post("/_emulator/touch?object=Deal&count=5").body());
    assertEquals(5, touched.get("touched").asInt());
    String since = JSON.readTree(get("/api/v1/deals?limit=1000", "t0ken").body()).get("data").findValues("updated_at")
        .stream().map(JsonNode::asText).max(String::compareTo).orElseThrow();
    JsonNode page = JSON.readTree(get("/api/v1/deals?limit=1000&updated_since=" + since, "t0ken").body());
    Set<String> changed = new HashSet<>();
    page.get("data").forEach(r -> changed.add(r.get("id").asText()));
    Set<String> expected = new HashSet<>();
    touched.get("ids").forEach(id -> expected.add(id.asText()));
    assertEquals(expected, changed);
    page.get("data").forEach(r -> assertTrue(r.get("name").asText().contains("(edited")));
  }

  @Test
  void aMalformedUpdatedSinceIsABadRequest() throws Exception {
    HttpResponse<String> r = get("/api/v1/deals?updated_since=yesterday", "t0ken");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("ISO-8601"), r.body());
  }

  @Test
  void injectedFaultsAnswerOnceEachInOrder() throws Exception {
    post("/_emulator/faults?status=429&count=1&retry_after=3");
    post("/_emulator/faults?status=503&count=1");
    HttpResponse<String> first = get("/api/v1/users", "t0ken");
    assertEquals(429, first.statusCode());
    assertEquals("3", first.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(503, get("/api/v1/users", "t0ken").statusCode());
    assertEquals(200, get("/api/v1/users", "t0ken").statusCode());
  }

  @Test
  void theLargeFileIsServedLazilyWithItsLength() throws Exception {
    HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(
            URI.create(emulator.baseUrl() + "/api/v1/files/" + SampleGenerator.LARGE_FILE_ID + "/content"))
        .header("Authorization", "Bearer t0ken").build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertEquals(SampleGenerator.LARGE_FILE_SIZE, r.headers().firstValueAsLong("Content-Length").orElseThrow());
    assertEquals("video/mp4", r.headers().firstValue("Content-Type").orElseThrow());
    r.body().close();
    assertEquals(404, get("/api/v1/files/fil-9999999/content", "t0ken").statusCode());
  }

  @Test
  void theRateLimitAnswers429WithRetryAfter(@TempDir Path other) throws Exception {
    new SampleGenerator(5, 100).writeTo(other, false);
    try (SparkEmulator limited = SparkEmulator.start(other, "127.0.0.1", 0,
        SparkEmulatorConfig.withToken("t").withRateLimit(2))) {
      List<Integer> statuses = new java.util.ArrayList<>();
      String retryAfter = null;
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(limited.baseUrl() + "/api/v1/users"))
            .header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
        statuses.add(r.statusCode());
        if (r.statusCode() == 429) retryAfter = r.headers().firstValue("Retry-After").orElseThrow();
      }
      assertTrue(statuses.contains(429), statuses.toString());
      assertFalse(statuses.subList(0, 1).contains(429), "the first request of a window passes");
      assertTrue(Long.parseLong(retryAfter) >= 1);
    }
  }
}
