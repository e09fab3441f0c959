package io.fmap.emulator.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.schema.Column;
import io.fmap.schema.OptionValue;
import io.fmap.schema.spark.SparkSchemaReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * SHA-256 over every generated file (path and bytes) for seed 42, size 300. A change here means
   * every pinned test downstream sees different data: change it on purpose only.
   */
  private static final String PINNED_SEED_42_SIZE_300 =
      "35d4859d293b99fc76780e4f60394542bfc3de0bd38dc9485eb685eaad41c522";

  @TempDir static Path dir;
  static Path export;

  @BeforeAll
  static void generate() throws IOException {
    export = dir.resolve("export");
    new SampleGenerator(42, 300).writeTo(export, false);
  }

  static String hash(Path root) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      sha.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static List<JsonNode> records(String collection) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(export.resolve(collection + ".jsonl"))) out.add(JSON.readTree(line));
    return out;
  }

  static JsonNode byId(String collection, String id) throws IOException {
    return records(collection).stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theSameSeedAndSizeGiveTheSameBytes() throws Exception {
    Path again = dir.resolve("again");
    new SampleGenerator(42, 300).writeTo(again, false);
    assertEquals(hash(export), hash(again));
    assertEquals(PINNED_SEED_42_SIZE_300, hash(export), "generator output changed: update the pin only on purpose");
  }

  @Test
  void anotherSeedGivesOtherData() throws Exception {
    Path other = dir.resolve("other");
    new SampleGenerator(43, 300).writeTo(other, false);
    assertNotEquals(hash(export), hash(other));
  }

  @Test
  void theRecordCountIsTheSizeAsked() throws IOException {
    long total = 0;
    for (String c : SampleCounts.of(300).byCollection().keySet()) total += records(c).size();
    assertEquals(300, total);
  }

  @Test
  void companiesHaveHierarchiesAndOneAccidentalCycle() throws IOException {
    assertEquals("cmp-0000003", byId("companies", "cmp-0000002").get("parent_id").asText());
    assertEquals("cmp-0000002", byId("companies", "cmp-0000003").get("parent_id").asText());
    long withParent = records("companies").stream().filter(c -> c.hasNonNull("parent_id")).count();
    assertTrue(withParent > 3, "hierarchies beyond the cycle: " + withParent);
  }

  @Test
  void contactsHaveSeveralCompaniesOrNone() throws IOException {
    List<JsonNode> contacts = records("contacts");
    assertTrue(contacts.stream().anyMatch(c -> c.get("company_ids").size() == 0 && !c.hasNonNull("primary_company_id")));
    assertTrue(contacts.stream().anyMatch(c -> c.get("company_ids").size() > 1));
  }

  @Test
  void ownersIncludeTheMissingSharedAndDisabledUsers() throws IOException {
    List<JsonNode> users = records("users");
    assertTrue(users.stream().anyMatch(u -> !u.hasNonNull("email")), "a user without email");
    assertTrue(users.stream().anyMatch(u -> !u.get("active").asBoolean()), "a disabled user");
    assertEquals(2, users.stream().filter(u -> u.path("email").asText().equals("sales.team@fmap.example")).count());
    assertTrue(users.stream().filter(u -> u.hasNonNull("email"))
        .allMatch(u -> u.get("email").asText().endsWith("@fmap.example")));
    assertTrue(SampleUsers.roster().stream().anyMatch(u -> !u.inDynamics()), "owners Dynamics does not have");
  }

  @Test
  void pipelinesIncludeAnInvalidProcessNameAndDealsSitInCustomStages() throws IOException {
    assertTrue(records("pipelines").stream().anyMatch(p -> p.get("name").asText().matches(".*[/\\[\\]].*")));
    assertEquals("Legal Review", byId("deals", "del-0000001").get("stage").asText());
  }

  @Test
  void theStagePicklistListsExactlyTheGeneratedStages() throws IOException {
    Column stage = SparkSchemaReader.read(SampleSchema.json()).table("Deal").orElseThrow().column("stage").orElseThrow();
    List<String> declared = stage.options().stream().map(o -> o.group() + "/" + o.label() + "/" + o.color()).toList();
    Map<String, String> pipelineNames = new TreeMap<>();
    for (JsonNode p : records("pipelines")) pipelineNames.put(p.get("id").asText(), p.get("name").asText());
    List<String> generated = records("stages").stream().map(s -> pipelineNames.get(s.get("pipeline_id").asText())
        + "/" + s.get("name").asText() + "/" + s.get("color").asText()).toList();
    assertEquals(declared, generated);
    assertTrue(stage.options().stream().map(OptionValue::group).distinct().count() == 3);
  }

  @Test
  void activitiesCoverEveryTypeAndSomeHaveNoSubject() throws IOException {
    List<JsonNode> activities = records("activities");
    assertEquals(List.of("call", "email", "meeting", "task"),
        activities.stream().map(a -> a.get("type").asText()).distinct().sorted().toList());
    assertTrue(activities.stream().anyMatch(a -> a.path("subject").asText("").isEmpty()));
  }

  @Test
  void notesCarryInlineImagesAndScripts() throws IOException {
    List<String> bodies = records("notes").stream().map(n -> n.get("body").asText()).toList();
    assertTrue(bodies.stream().anyMatch(b -> b.contains("<img src=\"data:image/png;base64,")));
    assertTrue(bodies.stream().anyMatch(b -> b.contains("<script>")));
  }

  @Test
  void valuesExceedTheDynamicsColumnLimits() throws IOException {
    assertTrue(byId("companies", "cmp-0000005").get("name").asText().length() > 160);
    assertTrue(byId("contacts", "con-0000004").get("title").asText().length() > 100);
    assertTrue(byId("activities", "act-0000006").get("subject").asText().length() > 200);
    assertTrue(byId("notes", "not-0000003").get("body").asText().length() > 100_000);
  }

  @Test
  void nonLatinTextIsWrittenAsUtf8() throws IOException {
    String all = Files.readString(export.resolve("contacts.jsonl"), StandardCharsets.UTF_8)
        + Files.readString(export.resolve("users.jsonl"), StandardCharsets.UTF_8);
    assertTrue(all.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC));
    assertTrue(all.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
    assertFalse(all.contains("\\u"), "written as UTF-8, not escaped");
  }

  @Test
  void filesHaveHostileNamesAndBodiesOfTheirSize() throws IOException {
    List<JsonNode> files = records("files");
    List<String> names = files.stream().map(f -> f.get("name").asText()).toList();
    assertTrue(names.contains("../../etc/passwd"));
    assertTrue(names.contains("nul\u0000byte.txt"));
    JsonNode small = files.get(1);
    assertEquals(small.get("size").asLong(), Files.size(export.resolve("files").resolve(small.get("id").asText())));
  }

  @Test
  void theLargeFileIsNotWrittenButStreamsItsWholeSize() throws IOException {
    JsonNode large = byId("files", SampleGenerator.LARGE_FILE_ID);
    assertTrue(large.get("size").asLong() > 128L * 1024 * 1024);
    assertFalse(Files.exists(export.resolve("files").resolve(SampleGenerator.LARGE_FILE_ID)));
    long[] counted = {0};
    try (InputStream body = SampleGenerator.body(42, SampleGenerator.LARGE_FILE_ID, large.get("size").asLong())) {
      body.transferTo(new OutputStream() {
        @Override public void write(int b) { counted[0]++; }
        @Override public void write(byte[] b, int off, int len) { counted[0] += len; }
      });
    }
    assertEquals(large.get("size").asLong(), counted[0]);
  }

  @Test
  void theCustomObjectLinksContactsManyToMany() throws IOException {
    assertTrue(records("projects").stream().anyMatch(p -> p.get("contact_ids").size() > 1));
    assertEquals("project_contacts", SparkSchemaReader.read(SampleSchema.json()).relationships().get(0).name());
  }
}
