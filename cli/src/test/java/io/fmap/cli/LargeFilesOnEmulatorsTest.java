package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.schema.SystemSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files above the org's maxuploadfilesize with `largeFiles: {directory: ...}`: the standard set
 * migrated from an export into an org whose limit is 4,000 bytes of Base64 (3,000 bytes of file), so
 * about a quarter of the sample's files are too large. Each goes to the folder, byte for byte, and its
 * note links to the copy; the others are attached. Migrated twice: the second run adds nothing.
 */
class LargeFilesOnEmulatorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LIMIT = 4000;
  @TempDir static Path dir;
  static Path export;
  static Path store;
  static Map<String, JsonNode> files = new HashMap<>();
  static Map<String, JsonNode> notes = new HashMap<>();
  static int firstExit;
  static String firstOut;
  static String firstJson;
  static int secondExit;
  static String secondJson;
  static int notesAfterSecond;

  @BeforeAll
  static void migrateTwice() throws Exception {
    export = dir.resolve("export");
    new SampleGenerator(3, 300).writeTo(export, false);
    // The 128 MB file is left out: AfterLoadOnEmulatorsTest sends it to the default store; here copies are made.
    List<String> lines = Files.readAllLines(export.resolve("files.jsonl")).stream()
        .filter(l -> !l.contains(SampleGenerator.LARGE_FILE_ID)).toList();
    Files.write(export.resolve("files.jsonl"), lines);
    for (String line : lines) {
      JsonNode f = JSON.readTree(line);
      files.put(f.get("id").asText(), f);
    }
    Path project = PlanCommandTest.copyOfStdlib(Files.createDirectories(dir.resolve("project")));
    Path pinned = project.resolve("schemas/dynamics.json");
    ObjectNode schema = (ObjectNode) JSON.readTree(pinned.toFile());
    ((ObjectNode) schema.get("settings")).put("maxuploadfilesize", String.valueOf(LIMIT));
    Files.writeString(pinned, schema.toPrettyString());
    SystemSchema org = io.fmap.compiler.plan.ProjectPlan.load(project).planned().orElseThrow().program().target();
    assertEquals(String.valueOf(LIMIT), org.settings().get("maxuploadfilesize"));
    store = dir.resolve("project/large-file-copies");
    try (DataverseEmulator dv = DataverseEmulator.start(
        EmulatorConfig.defaults().withSchema(org).withKeyActivation(Duration.ZERO))) {
      DataverseOptions.environment = Map.of(DataVerbOptions.CLIENT_ID, "fmap-demo",
          DataVerbOptions.CLIENT_SECRET, "fmap-demo")::get;
      Files.writeString(project.resolve("fmap.yaml"), "spark:\n"
          + "  export: " + export + "\n"
          + "dataverse:\n"
          + "  url: " + dv.rootUrl() + "\n"
          + "  tokenUrl: " + dv.tokenUrl("contoso") + "\n"
          + "fallbackOwner: team:fmap-demo\n"
          + "largeFiles:\n"
          + "  directory: large-file-copies\n"
          + "params:\n"
          + "  lead_idle_days: 100000\n");
      String p = project.toString();
      assertEquals(Fmap.OK, CliRun.of("plan", "--approve", p).exit());
      CliRun first = CliRun.of("migrate", "--project", p, "--accept-warnings", "--json");
      firstExit = first.exit();
      firstOut = first.out() + first.err();
      firstJson = first.out();
      dv.rows("annotation").forEach(r -> {
        if (r.hasNonNull("fmap_sourcefileid")) notes.put(r.get("fmap_sourcefileid").asText(), r);
      });
      CliRun second = CliRun.of("migrate", "--project", p, "--accept-warnings", "--json");
      secondExit = second.exit();
      secondJson = second.out();
      notesAfterSecond = (int) dv.rows("annotation").stream().filter(r -> r.hasNonNull("fmap_sourcefileid")).count();
    } finally {
      DataverseOptions.environment = System::getenv;
    }
  }

  @AfterEach void restoreEnvironment() { DataverseOptions.environment = System::getenv; }

  @Test
  void aFileAboveTheLimitIsCopiedToTheFolderAndItsNoteLinksToTheCopy() throws Exception {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    int copied = 0;
    for (Map.Entry<String, JsonNode> f : files.entrySet()) {
      byte[] body = Files.readAllBytes(export.resolve("files").resolve(f.getKey()));
      JsonNode note = notes.get(f.getKey());
      if (Base64.getEncoder().encodeToString(body).length() <= LIMIT) {
        assertEquals(Base64.getEncoder().encodeToString(body), note.path("documentbody").asText(), f.getKey());
        continue;
      }
      copied++;
      String name = note.path("filename").asText();
      Path copy = store.resolve("annotation").resolve(f.getKey()).resolve(io.fmap.runtime.functions.Std.sanitizeFilename(name));
      assertArrayEquals(body, Files.readAllBytes(copy), f.getKey());
      assertTrue(note.path("notetext").asText().endsWith("it is kept at " + copy.toUri()), note.toString());
      assertTrue(note.path("documentbody").isNull() || note.path("documentbody").isMissingNode(), note.toString());
    }
    assertTrue(copied > 0, "the sample has files above 3,000 bytes");
    assertTrue(copied < files.size(), "and files below");
  }

  /** Every copy is under the folder, whatever the file's name (the sample has ../../etc/passwd). */
  @Test
  void noFileNameLeavesTheFolder() throws Exception {
    try (var walk = Files.walk(store)) {
      List<Path> copies = walk.filter(Files::isRegularFile).toList();
      assertFalse(copies.isEmpty());
      copies.forEach(c -> assertTrue(c.normalize().startsWith(store), c.toString()));
      assertTrue(copies.stream().noneMatch(c -> c.getFileName().toString().endsWith(".tmp")),
          copies.stream().map(Path::toString).collect(Collectors.joining("\n")));
    }
  }

  @Test
  void aSecondMigrateAddsNoNote() {
    ParentLoopFinding.isTheOnlyFinding(secondExit, secondJson);
    assertEquals(files.size(), notes.size());
    assertEquals(notes.size(), notesAfterSecond);
  }
}
