package io.fmap.runtime.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.source.HashDelta;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesConnectorTest {
  @TempDir static Path dir;

  @BeforeAll
  static void generate() throws IOException {
    new SampleGenerator(3, 300).writeTo(dir, false);
  }

  static List<SourceRecord> read(ExportFilesConnector source, String object, Instant since, List<MalformedRecord> bad) {
    try (Stream<SourceRecord> records = source.records(object, since, bad::add)) {
      return records.toList();
    }
  }

  @Test
  void everyLineBecomesARecordWithTypedValues() throws IOException {
    ExportFilesConnector source = new ExportFilesConnector(dir);
    List<SourceRecord> deals = read(source, "Deal", null, new ArrayList<>());
    assertEquals(Files.readAllLines(dir.resolve("deals.jsonl")).size(), deals.size());
    SourceRecord first = deals.get(0);
    assertEquals("del-0000001", first.id());
    assertTrue(first.get("amount") instanceof BigDecimal, "currency is exact");
    assertTrue(first.get("contact_ids") instanceof List<?>);
    SourceRecord note = read(source, "Note", null, new ArrayList<>()).get(0);
    assertTrue(((Map<?, ?>) note.get("related")).containsKey("object"), "related is {object, id}");
    assertEquals(deals.size(), source.count("Deal", null));
  }

  @Test
  void aMalformedLineIsQuarantinedWithItsFileAndLineAndTheRestIsRead(@TempDir Path broken) throws IOException {
    copy(dir, broken);
    List<String> lines = new ArrayList<>(Files.readAllLines(broken.resolve("contacts.jsonl")));
    lines.set(2, "{\"id\": \"con-0000003\", \"first_name\": \"cut off");
    lines.set(4, "[1, 2]");
    lines.set(6, "{\"first_name\": \"no id\"}");
    lines.add(8, "");
    Files.write(broken.resolve("contacts.jsonl"), lines);
    List<MalformedRecord> bad = new ArrayList<>();
    List<SourceRecord> contacts = read(new ExportFilesConnector(broken), "Contact", null, bad);
    assertEquals(lines.size() - 4, contacts.size(), "three malformed lines and a blank one skipped, nothing else");
    assertEquals(List.of("contacts.jsonl:3", "contacts.jsonl:5", "contacts.jsonl:7"),
        bad.stream().map(MalformedRecord::location).toList());
    assertTrue(bad.get(0).reason().startsWith("not valid JSON"), bad.get(0).reason());
    assertEquals("not a JSON object", bad.get(1).reason());
    assertEquals("the record has no \"id\"", bad.get(2).reason());
  }

  @Test
  void updatedSinceKeepsRecordsChangedAtOrAfterTheInstant() {
    ExportFilesConnector source = new ExportFilesConnector(dir);
    List<SourceRecord> all = read(source, "Company", null, new ArrayList<>());
    String median = all.stream().map(r -> (String) r.get("updated_at")).sorted().toList().get(all.size() / 2);
    List<SourceRecord> recent = read(source, "Company", Instant.parse(median), new ArrayList<>());
    assertEquals(all.stream().filter(r -> ((String) r.get("updated_at")).compareTo(median) >= 0).count(), recent.size());
    assertTrue(recent.stream().anyMatch(r -> r.get("updated_at").equals(median)), "at the instant counts");
  }

  @Test
  void aDeltaSkipsALineByItsTopLevelUpdatedAtAloneAndIsUnsureOfAnythingElse() {
    Instant watermark = Instant.parse("2024-06-01T00:00:00Z");
    assertTrue(SparkRecords.olderThan("{\"id\":\"c-1\",\"tags\":[1,{\"x\":2}],\"updated_at\":\"2024-05-31T23:59:59Z\"}",
        watermark));
    assertEquals(false, SparkRecords.olderThan("{\"id\":\"c-1\",\"updated_at\":\"2024-06-01T00:00:00Z\"}", watermark),
        "at the watermark is read again");
    assertEquals(false, SparkRecords.olderThan("{\"id\":\"c-1\",\"address\":{\"updated_at\":\"2020-01-01T00:00:00Z\"}}",
        watermark), "an updated_at inside a nested object is not the record's");
    assertEquals(false, SparkRecords.olderThan("{\"id\":\"c-1\",\"updated_at\":\"last week\"}", watermark));
    assertEquals(false, SparkRecords.olderThan("{\"id\": \"c-1\", broken", watermark), "not JSON: read whole, quarantined");
    assertEquals(false, SparkRecords.olderThan("{\"id\":\"c-1\",\"updated_at\":\"2020-01-01T00:00:00Z\"}", null));
  }

  @Test
  void withoutUpdatedAtTheContentHashFindsExactlyTheChangedRecords(@TempDir Path copyDir) throws IOException {
    copy(dir, copyDir);
    // A deployment whose updated_at cannot be trusted: the field is stripped everywhere.
    Path file = copyDir.resolve("projects.jsonl");
    List<String> lines = Files.readAllLines(file).stream().map(l -> l.replaceAll(",\"updated_at\":\"[^\"]*\"", "")).toList();
    Files.write(file, lines);
    ExportFilesConnector before = new ExportFilesConnector(copyDir);
    Map<String, String> ledger = new HashMap<>();
    read(before, "Project", null, new ArrayList<>()).forEach(r -> ledger.put(r.id(), HashDelta.of(r)));

    List<String> edited = new ArrayList<>(lines);
    edited.set(1, edited.get(1).replace("\"status\":\"", "\"status\":\"x"));
    edited.remove(3);
    Files.write(file, edited);
    HashDelta delta = new HashDelta(ledger);
    List<HashDelta.Change> changes = new ArrayList<>();
    List<SourceRecord> since = read(new ExportFilesConnector(copyDir), "Project", Instant.now(), new ArrayList<>());
    since.forEach(r -> delta.consider(r).ifPresent(changes::add));
    assertEquals(edited.size(), since.size(), "without updated_at every record is offered to the hash check");
    assertEquals(List.of("prj-0000002"), changes.stream().map(c -> c.record().id()).toList());
    assertEquals(java.util.Set.of("prj-0000004"), delta.missing());
  }

  @Test
  void fileBodiesOpenAndAMissingOneSaysWhy() throws IOException {
    ExportFilesConnector source = new ExportFilesConnector(dir);
    try (InputStream in = source.openFile("fil-0000002")) {
      assertEquals(Files.size(dir.resolve("files/fil-0000002")), in.readAllBytes().length);
    }
    SourceException e = assertThrows(SourceException.class, () -> source.openFile(SampleGenerator.LARGE_FILE_ID));
    assertTrue(e.getMessage().contains("missing from the export") && e.getMessage().contains("--large-files"), e.getMessage());
  }

  @Test
  void aFileIdCannotLeaveTheFilesFolder() {
    SourceException e = assertThrows(SourceException.class, () -> new ExportFilesConnector(dir).openFile("../schema.json"));
    assertTrue(e.getMessage().contains("cannot name a file"), e.getMessage());
  }

  @Test
  void aFolderWithoutSchemaJsonIsRefusedWithTheNextStep(@TempDir Path empty) {
    SourceException e = assertThrows(SourceException.class, () -> new ExportFilesConnector(empty));
    assertTrue(e.getMessage().contains("schema.json not found") && e.getMessage().contains("export folder"), e.getMessage());
  }

  @Test
  void anUnknownObjectNamesTheKnownOnes() {
    SourceException e = assertThrows(SourceException.class,
        () -> new ExportFilesConnector(dir).records("Lead", null, m -> { }));
    assertTrue(e.getMessage().contains("Lead") && e.getMessage().contains("Contact"), e.getMessage());
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
