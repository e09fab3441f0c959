package io.fmap.emulator.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fmap.emulator.generate.SampleGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The records the Spark emulator serves, loaded from an export folder and kept as their JSON
 * text, ordered by id. Ids never change, so a cursor (the last id served) stays valid while
 * records are touched: paging neither skips nor repeats a record.
 */
final class SparkData {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Text fields a touch edits, the first one an object has. */
  private static final List<String> EDITABLE = List.of("name", "subject", "last_name", "body", "email");

  /** One record: its JSON line and its updated_at (null when it has none). */
  record Stored(String json, Instant updatedAt) {}

  /** One page: the records' JSON and the cursor after them (null on the last page). */
  record Page(List<String> records, String nextCursor) {}

  private final Path dir;
  private final String schemaJson;
  private final Map<String, NavigableMap<String, Stored>> collections = new TreeMap<>();
  private final Map<String, List<String>> idsByCollection = new TreeMap<>();
  private final Long generatorSeed;
  private Instant lastUpdate = Instant.EPOCH;
  private long touchRounds;
  private final List<String> skippedLines = new ArrayList<>();

  SparkData(Path dir) throws IOException {
    this.dir = dir;
    Path schema = dir.resolve("schema.json");
    try {
      this.schemaJson = Files.readString(schema, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException(schema + " not found: --data must name a Spark export folder (fmap generate writes one)");
    }
    for (JsonNode object : MAPPER.readTree(schemaJson).path("objects")) {
      String collection = object.path("collection").asText(object.path("name").asText().toLowerCase(java.util.Locale.ROOT));
      collections.put(collection, load(collection));
      idsByCollection.put(collection, List.copyOf(collections.get(collection).keySet()));
    }
    Path export = dir.resolve("export.json");
    JsonNode seed = Files.exists(export) ? MAPPER.readTree(export.toFile()).path("generator").path("seed") : null;
    this.generatorSeed = seed != null && seed.canConvertToLong() ? seed.asLong() : null;
  }

  private NavigableMap<String, Stored> load(String collection) throws IOException {
    NavigableMap<String, Stored> records = new ConcurrentSkipListMap<>();
    Path file = dir.resolve(collection + ".jsonl");
    if (!Files.exists(file)) return records;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) continue;
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (IOException e) {
          skippedLines.add(file.getFileName() + ":" + lineNumber);
          continue;
        }
        if (!node.isObject() || !node.path("id").isTextual()) {
          skippedLines.add(file.getFileName() + ":" + lineNumber);
          continue;
        }
        Stored stored = new Stored(line, instant(node.get("updated_at")));
        records.put(node.get("id").asText(), stored);
        if (stored.updatedAt() != null && stored.updatedAt().isAfter(lastUpdate)) lastUpdate = stored.updatedAt();
      }
    }
    return records;
  }

  private static Instant instant(JsonNode value) {
    if (value == null || !value.isTextual()) return null;
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  String schemaJson() {
    return schemaJson;
  }

  /** Lines of the export the emulator could not serve ({@code contacts.jsonl:12}). */
  List<String> skippedLines() {
    return List.copyOf(skippedLines);
  }

  boolean has(String collection) {
    return collections.containsKey(collection);
  }

  /** Records after the cursor, at most {@code limit} of those updated at or after {@code since}. */
  Page page(String collection, String afterId, int limit, Instant since) {
    NavigableMap<String, Stored> all = collections.get(collection);
    NavigableMap<String, Stored> rest = afterId == null ? all : all.tailMap(afterId, false);
    List<String> out = new ArrayList<>(Math.min(limit, 1024));
    String last = null;
    for (Map.Entry<String, Stored> e : rest.entrySet()) {
      if (out.size() == limit) break;
      last = e.getKey();
      if (matches(e.getValue(), since)) out.add(e.getValue().json());
    }
    boolean more = last != null && all.higherKey(last) != null;
    return new Page(out, more ? last : null);
  }

  long count(String collection, Instant since) {
    return collections.get(collection).values().stream().filter(s -> matches(s, since)).count();
  }

  /** Records without updated_at are always served: the API cannot tell whether they changed. */
  private static boolean matches(Stored s, Instant since) {
    return since == null || s.updatedAt() == null || !s.updatedAt().isBefore(since);
  }

  /**
   * Changes {@code count} records of a collection, chosen by a fixed random sequence, and bumps
   * their updated_at past every earlier one, as an edit in Spark would.
   *
   * @return the ids touched, sorted
   */
  synchronized List<String> touch(String collection, int count) throws IOException {
    List<String> ids = idsByCollection.get(collection);
    NavigableMap<String, Stored> records = collections.get(collection);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    lastUpdate = now.isAfter(lastUpdate) ? now : lastUpdate.plusSeconds(1);
    SplittableRandom random = new SplittableRandom(++touchRounds);
    TreeMap<String, Stored> changed = new TreeMap<>();
    for (int attempts = 0; changed.size() < Math.min(count, ids.size()) && attempts < 10 * count + ids.size(); attempts++) {
      String id = ids.get(random.nextInt(ids.size()));
      if (changed.containsKey(id)) continue;
      ObjectNode node = (ObjectNode) MAPPER.readTree(records.get(id).json());
      for (String field : EDITABLE) {
        if (node.path(field).isTextual()) {
          node.set(field, TextNode.valueOf(node.get(field).asText() + " (edited " + touchRounds + ")"));
          break;
        }
      }
      node.put("updated_at", lastUpdate.toString());
      changed.put(id, new Stored(MAPPER.writeValueAsString(node), lastUpdate));
    }
    records.putAll(changed);
    return List.copyOf(changed.keySet());
  }

  /**
   * Adds {@code count} new records to a collection, as users creating them in Spark would: copies of
   * existing records (chosen as {@link #touch} chooses) under new ids ({@code <id>-n<round>}), with an
   * updated_at past every earlier one. References to other records stay valid.
   *
   * @return the new ids, sorted
   */
  synchronized List<String> create(String collection, int count) throws IOException {
    List<String> ids = idsByCollection.get(collection);
    NavigableMap<String, Stored> records = collections.get(collection);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    lastUpdate = now.isAfter(lastUpdate) ? now : lastUpdate.plusSeconds(1);
    long round = ++touchRounds;
    TreeMap<String, Stored> created = new TreeMap<>();
    for (int i = 0; i < Math.min(count, ids.size()); i++) {
      String original = ids.get(i);
      ObjectNode node = (ObjectNode) MAPPER.readTree(records.get(original).json());
      String id = original + "-n" + round;
      node.put("id", id);
      if (node.has("created_at")) node.put("created_at", lastUpdate.toString());
      node.put("updated_at", lastUpdate.toString());
      created.put(id, new Stored(MAPPER.writeValueAsString(node), lastUpdate));
    }
    records.putAll(created);
    return List.copyOf(created.keySet());
  }

  /** A file record's body: from {@code files/} or, for the generator's large file, made while it is sent. */
  Optional<Body> body(String fileId) throws IOException {
    Stored record = collections.getOrDefault("files", new TreeMap<>()).get(fileId);
    if (record == null) return Optional.empty();
    JsonNode node = MAPPER.readTree(record.json());
    String mime = node.path("mime_type").asText("application/octet-stream");
    Path file = dir.resolve("files").resolve(fileId).normalize();
    if (file.startsWith(dir.resolve("files").normalize()) && Files.isRegularFile(file)) {
      return Optional.of(new Body(mime, Files.size(file), Files.newInputStream(file)));
    }
    if (generatorSeed != null && node.path("size").canConvertToLong()) {
      long size = node.get("size").asLong();
      return Optional.of(new Body(mime, size, SampleGenerator.body(generatorSeed, fileId, size)));
    }
    return Optional.empty();
  }

  record Body(String mimeType, long size, InputStream content) {}
}
