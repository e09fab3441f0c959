package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.generate.SampleGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The after-load phase of `fmap migrate` with the standard mapping set, read back from the
 * Dataverse emulator: what Dataverse takes only once the rows exist (N:N links, closed deals and
 * activities). One migration (twice, to prove reruns change nothing) shared by the tests.
 */
class AfterLoadOnEmulatorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static SampleGenerator.Result generated;
  static Map<String, JsonNode> projects = new HashMap<>();
  static int firstExit;
  static String firstOut;
  static Set<List<UUID>> linksAfterFirst;
  static Set<List<UUID>> linksAfterSecond;
  static int linkRowsAfterSecond;
  static Map<String, UUID> projectRows = new HashMap<>();
  static Map<String, UUID> contactRows = new HashMap<>();
  static Map<String, String> dealStatus = new HashMap<>();
  static Map<String, List<Integer>> opportunityStates = new HashMap<>();
  static int opportunityCloses;
  static Map<String, JsonNode> activities = new HashMap<>();
  static Map<String, List<Integer>> activityStates = new HashMap<>();
  static Map<String, JsonNode> files = new HashMap<>();
  static Map<String, String> noteBodies = new HashMap<>();
  static Map<String, JsonNode> companyTags = new HashMap<>();
  static Map<String, String> accountTags = new HashMap<>();

  @BeforeAll
  static void migrateTwice() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 300)) {
      DataverseEmulator dv = project.dataverse;
      readExport("projects", p -> projects.put(p.get("id").asText(), p));
      readExport("deals", d -> dealStatus.put(d.get("id").asText(), d.get("status").asText()));
      readExport("activities", a -> activities.put(a.get("id").asText(), a));
      readExport("companies", c -> companyTags.put(c.get("id").asText(), c.path("tags")));
      readExport("files", f -> files.put(f.get("id").asText(), f));
      // Idle contacts would all become leads; a long idle threshold keeps customers as contacts.
      project.addToConfig("params:\n  lead_idle_days: 100000\n");
      assertEquals(Fmap.OK, project.approve().exit());
      generated = project.generated;
      CliRun first = project.run("migrate", "--accept-warnings", "--json");
      firstExit = first.exit();
      firstOut = first.out() + first.err();
      linksAfterFirst = new HashSet<>(dv.associations("fmap_project_contact"));
      CliRun second = project.run("migrate", "--accept-warnings", "--json");
      assertEquals(firstExit, second.exit(), second.err());
      List<List<UUID>> all = dv.associations("fmap_project_contact");
      linkRowsAfterSecond = all.size();
      linksAfterSecond = new HashSet<>(all);
      dv.rows("fmap_project").forEach(r -> projectRows.put(r.get("fmap_sourceid").asText(),
          UUID.fromString(r.get("fmap_projectid").asText())));
      dv.rows("contact").forEach(r -> contactRows.put(r.get("fmap_sourceid").asText(),
          UUID.fromString(r.get("contactid").asText())));
      dv.rows("opportunity").forEach(r -> opportunityStates.put(r.get("fmap_sourceid").asText(),
          List.of(r.get("statecode").asInt(), r.get("statuscode").asInt())));
      opportunityCloses = dv.count("opportunityclose");
      dv.rows("account").forEach(r -> accountTags.put(r.get("fmap_sourceid").asText(), r.path("fmap_tags").asText(null)));
      dv.rows("annotation").forEach(r -> {
        if (r.hasNonNull("fmap_sourcefileid")) {
          noteBodies.put(r.get("fmap_sourcefileid").asText(), r.path("documentbody").asText(null));
        }
      });
      for (String table : List.of("phonecall", "email", "appointment", "task")) {
        dv.rows(table).forEach(r -> activityStates.put(r.get("fmap_sourceid").asText(),
            List.of(r.get("statecode").asInt(), r.get("statuscode").asInt())));
      }
    }
  }

  /** Each record of one generated export file ({@code NAME.jsonl}). */
  private static void readExport(String name, java.util.function.Consumer<JsonNode> record) throws java.io.IOException {
    for (String line : Files.readAllLines(dir.resolve("export/" + name + ".jsonl"))) record.accept(JSON.readTree(line));
  }

  /** Every Spark project ↔ contact link whose contact became a contact row, and nothing else. */
  @Test
  void projectContactsAreAssociatedAfterBothSidesLoad() {
    assertEquals(Fmap.OK, firstExit, firstOut);
    Set<List<UUID>> expected = new HashSet<>();
    projects.forEach((id, p) -> p.path("contact_ids").forEach(c -> {
      UUID contact = contactRows.get(c.asText());
      if (contact != null) expected.add(List.of(projectRows.get(id), contact));
    }));
    assertFalse(expected.isEmpty(), "the sample links projects to contacts that stay contacts");
    assertEquals(expected, linksAfterFirst);
  }

  @Test
  void aSecondMigrateAddsNoLink() {
    assertEquals(linksAfterFirst, linksAfterSecond);
    assertEquals(linksAfterFirst.size(), linkRowsAfterSecond);
  }

  /** Won deals won (3), lost deals lost as Canceled (4), open deals in progress (1); one close record per closed deal. */
  @Test
  void wonAndLostDealsAreClosedThroughTheCloseActions() {
    assertEquals(Fmap.OK, firstExit, firstOut);
    Map<String, List<Integer>> expected = new HashMap<>();
    dealStatus.forEach((id, status) -> expected.put(id, switch (status) {
      case "won" -> List.of(1, 3);
      case "lost" -> List.of(2, 4);
      default -> List.of(0, 1);
    }));
    assertEquals(expected, opportunityStates);
    long closed = dealStatus.values().stream().filter(s -> !s.equals("open")).count();
    assertTrue(closed > 0, "the sample has won and lost deals");
    assertEquals(closed, opportunityCloses, "a second migrate closes nothing again");
  }

  /** Logged calls, emails and meetings are completed; tasks by their Spark status. */
  @Test
  void completedActivitiesAreClosedAfterCreate() {
    assertEquals(Fmap.OK, firstExit, firstOut);
    Map<String, List<Integer>> expected = new HashMap<>();
    activities.forEach((id, a) -> {
      boolean outbound = "outbound".equals(a.path("direction").asText());
      expected.put(id, switch (a.get("type").asText()) {
        case "call" -> List.of(1, outbound ? 2 : 4);
        case "email" -> List.of(1, outbound ? 3 : 4);
        case "meeting" -> List.of(1, 3);
        default -> "done".equals(a.path("task_status").asText()) ? List.of(1, 5) : List.of(0, 2);
      });
    });
    assertEquals(expected, activityStates);
  }

  /** Files up to the attachment limit carry their body, Base64, read from the export's files folder. */
  @Test
  void attachmentsCarryTheBodyOfTheirFileFromTheExport() throws Exception {
    assertEquals(Fmap.OK, firstExit, firstOut);
    int attached = 0;
    for (Map.Entry<String, JsonNode> f : files.entrySet()) {
      boolean small = f.getValue().get("size").asLong() <= 5_242_880L;
      String expected = small ? java.util.Base64.getEncoder().encodeToString(
          Files.readAllBytes(dir.resolve("export/files").resolve(f.getKey()))) : null;
      assertEquals(expected, noteBodies.get(f.getKey()), f.getKey());
      if (small) attached++;
    }
    assertTrue(attached > 0, "the sample has files small enough to attach");
  }

  /** Not after the load, but read back here too: Spark's multi-select tags land as the multi-select's options. */
  @Test
  void companyTagsLandAsTheOptionsOfTheMultiSelect() {
    Map<String, Integer> options = Map.of("partner", 100000000, "reference", 100000001, "at-risk", 100000002,
        "strategic", 100000003);
    Map<String, String> expected = new HashMap<>();
    companyTags.forEach((id, tags) -> {
      List<String> values = new java.util.ArrayList<>();
      tags.forEach(t -> values.add(String.valueOf(options.get(t.asText()))));
      expected.put(id, values.isEmpty() ? null : String.join(",", values));
    });
    assertEquals(expected, accountTags);
  }
}
