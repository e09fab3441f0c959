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
  static String firstJson;
  static Map<String, String> companyParents = new HashMap<>();
  static Map<String, UUID> accountParents = new HashMap<>();
  static Set<List<UUID>> linksAfterFirst;
  static Set<List<UUID>> linksAfterSecond;
  static int linkRowsAfterSecond;
  static Map<String, UUID> projectRows = new HashMap<>();
  static Map<String, UUID> contactRows = new HashMap<>();
  static Map<String, String> dealStatus = new HashMap<>();
  static Map<String, List<Integer>> opportunityStates = new HashMap<>();
  static int opportunityCloses;
  static Map<String, JsonNode> deals = new HashMap<>();
  static Map<UUID, String> opportunityDeal = new HashMap<>();
  static List<JsonNode> closeRecords = new java.util.ArrayList<>();
  static Map<String, JsonNode> activities = new HashMap<>();
  static Map<String, List<Integer>> activityStates = new HashMap<>();
  static Map<String, JsonNode> files = new HashMap<>();
  static Map<String, String> noteBodies = new HashMap<>();
  static Map<String, JsonNode> fileNotes = new HashMap<>();
  static Map<String, JsonNode> sparkNotes = new HashMap<>();
  static Map<String, JsonNode> notes = new HashMap<>();
  static Map<String, JsonNode> companyTags = new HashMap<>();
  static Map<String, String> accountTags = new HashMap<>();
  /** Per source activity: its parties as read back after the second migrate ("mask address table id"). */
  static Map<String, List<String>> partiesAfterSecond = new HashMap<>();
  /** Address → "table id" of the rows a party may resolve to, for addresses exactly one row has per table. */
  static Map<String, List<String>> partyTargets = new HashMap<>();
  static Map<String, JsonNode> contactCompanies = new HashMap<>();
  static Map<String, UUID> accountRows = new HashMap<>();
  static Set<List<UUID>> companyLinksAfterFirst;
  static List<List<UUID>> companyLinksAfterSecond;

  @BeforeAll
  static void migrateTwice() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 300)) {
      DataverseEmulator dv = project.dataverse;
      readExport("projects", p -> projects.put(p.get("id").asText(), p));
      readExport("deals", d -> {
        dealStatus.put(d.get("id").asText(), d.get("status").asText());
        deals.put(d.get("id").asText(), d);
      });
      readExport("activities", a -> activities.put(a.get("id").asText(), a));
      readExport("contacts", c -> contactCompanies.put(c.get("id").asText(), c.path("company_ids")));
      readExport("notes", n -> sparkNotes.put(n.get("id").asText(), n));
      readExport("companies", c -> {
        companyTags.put(c.get("id").asText(), c.path("tags"));
        companyParents.put(c.get("id").asText(), c.path("parent_id").asText(null));
      });
      readExport("files", f -> files.put(f.get("id").asText(), f));
      // Idle contacts would all become leads; a long idle threshold keeps customers as contacts.
      project.addToConfig("params:\n  lead_idle_days: 100000\n");
      assertEquals(Fmap.OK, project.approve().exit());
      generated = project.generated;
      CliRun first = project.run("migrate", "--accept-warnings", "--json");
      firstExit = first.exit();
      firstOut = first.out() + first.err();
      firstJson = first.out();
      linksAfterFirst = new HashSet<>(dv.associations("fmap_project_contact"));
      companyLinksAfterFirst = new HashSet<>(dv.associations("fmap_account_contact"));
      CliRun second = project.run("migrate", "--accept-warnings", "--json");
      assertEquals(firstExit, second.exit(), second.err());
      List<List<UUID>> all = dv.associations("fmap_project_contact");
      linkRowsAfterSecond = all.size();
      linksAfterSecond = new HashSet<>(all);
      companyLinksAfterSecond = dv.associations("fmap_account_contact");
      dv.rows("fmap_project").forEach(r -> projectRows.put(r.get("fmap_sourceid").asText(),
          UUID.fromString(r.get("fmap_projectid").asText())));
      dv.rows("contact").forEach(r -> contactRows.put(r.get("fmap_sourceid").asText(),
          UUID.fromString(r.get("contactid").asText())));
      dv.rows("account").forEach(r -> {
        accountRows.put(r.get("fmap_sourceid").asText(), UUID.fromString(r.get("accountid").asText()));
        if (r.hasNonNull("_parentaccountid_value")) {
          accountParents.put(r.get("fmap_sourceid").asText(), UUID.fromString(r.get("_parentaccountid_value").asText()));
        }
      });
      dv.rows("opportunity").forEach(r -> opportunityStates.put(r.get("fmap_sourceid").asText(),
          List.of(r.get("statecode").asInt(), r.get("statuscode").asInt())));
      opportunityCloses = dv.count("opportunityclose");
      dv.rows("opportunity").forEach(r -> opportunityDeal.put(UUID.fromString(r.get("opportunityid").asText()),
          r.get("fmap_sourceid").asText()));
      closeRecords.addAll(dv.rows("opportunityclose"));
      dv.rows("account").forEach(r -> accountTags.put(r.get("fmap_sourceid").asText(), r.path("fmap_tags").asText(null)));
      dv.rows("annotation").forEach(r -> {
        if (r.hasNonNull("fmap_sourcefileid")) {
          noteBodies.put(r.get("fmap_sourcefileid").asText(), r.path("documentbody").asText(null));
          fileNotes.put(r.get("fmap_sourcefileid").asText(), r);
        }
        if (r.hasNonNull("fmap_sourceid")) notes.put(r.get("fmap_sourceid").asText(), r);
      });
      readParties(dv);
      for (String table : List.of("phonecall", "email", "appointment", "task")) {
        dv.rows(table).forEach(r -> activityStates.put(r.get("fmap_sourceid").asText(),
            List.of(r.get("statecode").asInt(), r.get("statuscode").asInt())));
      }
    }
  }

  private static void readParties(DataverseEmulator dv) {
    Map<String, String> activityBySourceRow = new HashMap<>();
    for (String table : List.of("email", "appointment")) {
      dv.rows(table).forEach(r -> activityBySourceRow.put(r.get("activityid").asText(), r.get("fmap_sourceid").asText()));
    }
    dv.rows("activityparty").forEach(p -> {
      String activity = activityBySourceRow.get(p.path("_activityid_value").asText());
      String table = p.path("_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText("");
      partiesAfterSecond.computeIfAbsent(activity, k -> new java.util.ArrayList<>()).add(
          p.get("participationtypemask").asInt() + " " + p.get("addressused").asText() + " " + table + " "
              + p.path("_partyid_value").asText(""));
    });
    Map<String, List<String>> byAddress = new HashMap<>();
    for (List<String> t : List.of(List.of("systemuser", "internalemailaddress"), List.of("contact", "emailaddress1"),
        List.of("lead", "emailaddress1"), List.of("account", "emailaddress1"))) {
      Map<String, List<String>> inTable = new HashMap<>();
      dv.rows(t.get(0)).forEach(r -> {
        if (r.hasNonNull(t.get(1))) {
          inTable.computeIfAbsent(r.get(t.get(1)).asText().toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
              .add(t.get(0) + " " + r.get(t.get(0) + "id").asText());
        }
      });
      inTable.forEach((address, rows) -> {
        if (rows.size() == 1) byAddress.putIfAbsent(address, rows);
      });
    }
    partyTargets.putAll(byAddress);
  }

  /** Each record of one generated export file ({@code NAME.jsonl}). */
  private static void readExport(String name, java.util.function.Consumer<JsonNode> record) throws java.io.IOException {
    for (String line : Files.readAllLines(dir.resolve("export/" + name + ".jsonl"))) record.accept(JSON.readTree(line));
  }

  /**
   * The sample's companies 2 and 3 are each other's parent; the emulator refuses a link that closes a
   * loop, as an org does. Every other parent link lands; the one left out is cmp-0000002's (the smaller
   * id), reported by migrate and by `fmap report`, and again by the second migrate, which writes no loop either.
   */
  @Test
  void everyParentLinkLandsButTheOneThatWouldCloseTheSampleLoop() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    Map<String, UUID> expected = new HashMap<>();
    companyParents.forEach((company, parent) -> {
      if (parent != null && !company.equals("cmp-0000002")) expected.put(company, accountRows.get(parent));
    });
    assertEquals("cmp-0000002", companyParents.get("cmp-0000003"));
    assertEquals("cmp-0000003", companyParents.get("cmp-0000002"));
    assertTrue(expected.size() > 2, "the sample has parents besides the loop");
    assertEquals(expected, accountParents);
    CliRun report = CliRun.of("report", "--project", dir.resolve("acme").toString());
    assertEquals(Fmap.OK, report.exit(), "listed, but no problem: " + report.out() + report.err());
    assertTrue(report.out().contains(ParentLoopFinding.CODE), report.out());
    assertTrue(report.out().contains("Company cmp-0000002 -> cmp-0000003 -> cmp-0000002 is a loop"), report.out());
  }

  /** Every Spark project ↔ contact link whose contact became a contact row, and nothing else. */
  @Test
  void projectContactsAreAssociatedAfterBothSidesLoad() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    Set<List<UUID>> expected = new HashSet<>();
    projects.forEach((id, p) -> p.path("contact_ids").forEach(c -> {
      UUID contact = contactRows.get(c.asText());
      if (contact != null) expected.add(List.of(projectRows.get(id), contact));
    }));
    assertFalse(expected.isEmpty(), "the sample links projects to contacts that stay contacts");
    assertEquals(expected, linksAfterFirst);
  }

  /** Extra companies: every company of a contact that stayed a contact is linked to it, once, after two migrates. */
  @Test
  void everyCompanyOfAContactIsLinkedToItOnce() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    Set<List<UUID>> expected = new HashSet<>();
    contactCompanies.forEach((id, companies) -> companies.forEach(c -> {
      UUID contact = contactRows.get(id);
      if (contact != null) expected.add(List.of(accountRows.get(c.asText()), contact));
    }));
    assertTrue(expected.size() > contactRows.size() / 2, "the sample's contacts work with companies");
    assertEquals(expected, companyLinksAfterFirst);
    assertEquals(expected.size(), companyLinksAfterSecond.size(), "a second migrate links nothing again");
  }

  @Test
  void aSecondMigrateAddsNoLink() {
    assertEquals(linksAfterFirst, linksAfterSecond);
    assertEquals(linksAfterFirst.size(), linkRowsAfterSecond);
  }

  /** Won deals won (3), lost deals lost as Canceled (4), open deals in progress (1); one close record per closed deal. */
  @Test
  void wonAndLostDealsAreClosedThroughTheCloseActions() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
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

  /** Each close record names its deal and carries what the deal closed at: won at its amount, lost at 0, on its close date. */
  @Test
  void eachCloseRecordCarriesTheDealsRevenueAndCloseDate() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    assertFalse(closeRecords.isEmpty());
    for (JsonNode close : closeRecords) {
      String dealId = opportunityDeal.get(UUID.fromString(close.get("_opportunityid_value").asText()));
      JsonNode deal = deals.get(dealId);
      boolean won = deal.get("status").asText().equals("won");
      java.math.BigDecimal revenue = won ? deal.get("amount").decimalValue() : java.math.BigDecimal.ZERO;
      assertEquals(0, revenue.compareTo(close.get("actualrevenue").decimalValue()), close.toString());
      assertEquals(deal.get("close_date").asText() + "T00:00:00Z", close.get("actualend").asText(), close.toString());
      assertEquals((won ? "Won" : "Lost") + " in the source system; closed by the migration of Deal " + dealId + ".",
          close.get("description").asText());
      assertTrue(close.get("subject").asText().startsWith(won ? "Won: " : "Lost: "), close.toString());
    }
  }

  /** Logged calls, emails and meetings are completed; tasks by their Spark status. */
  @Test
  void completedActivitiesAreClosedAfterCreate() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
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
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
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

  /**
   * The 128 MB file (served by the Spark emulator as it is read) goes to the default large-file store:
   * link only, so only what fits the org is read; its note carries the link instead of a body.
   */
  @Test
  void theFileAboveTheOrgsLimitIsANoteLinkingToTheLargeFileStore() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    JsonNode big = fileNotes.get(SampleGenerator.LARGE_FILE_ID);
    String link = dir.resolve("acme").resolve("large-files").toUri().toString().replaceAll("/+$", "")
        + "/annotation/" + SampleGenerator.LARGE_FILE_ID
        + "/site-survey-video.mp4";
    assertEquals("File site-survey-video.mp4 is larger than this org accepts (maxuploadfilesize 5242880 bytes of "
        + "Base64); it is kept at " + link, big.path("notetext").asText());
    assertTrue(big.path("documentbody").isNull() || big.path("documentbody").isMissingNode(), big.toString());
  }

  /** Note 1 is a pasted screenshot: it lands as the note's attachment; note 2's script and handler do not land. */
  @Test
  void notesKeepTheirFormattingAndTheirScreenshotAsAttachment() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    assertEquals(sparkNotes.keySet(), notes.keySet());
    JsonNode screenshot = notes.get("not-0000001");
    String body = sparkNotes.get("not-0000001").get("body").asText();
    String png = body.substring(body.indexOf("base64,") + 7, body.indexOf('"', body.indexOf("base64,")));
    assertEquals(png, screenshot.path("documentbody").asText());
    assertEquals("screenshot.png", screenshot.path("filename").asText());
    assertEquals("image/png", screenshot.path("mimetype").asText());
    assertTrue(screenshot.path("isdocument").asBoolean(), screenshot.toString());
    assertEquals("<p>Screenshot of the issue:</p><p>[screenshot.png: attached to this note]</p>",
        screenshot.path("notetext").asText());
    assertEquals("<p>Copied from the web form</p><p>Click me</p>", notes.get("not-0000002").path("notetext").asText());
    notes.values().forEach(n -> assertFalse(n.path("notetext").asText().contains("<script"), n.toString()));
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

  /**
   * Email senders and recipients, meeting organisers (the owner) and attendees land as activity parties,
   * once each after two migrates: an address a user (or a migrated contact, lead, account) has is bound
   * to that row, any other kept as the bare address.
   */
  @Test
  void emailAndMeetingParticipantsLandOnceAsActivityParties() {
    ParentLoopFinding.isTheOnlyFinding(firstExit, firstJson);
    Map<String, List<String>> expected = new HashMap<>();
    activities.forEach((id, a) -> {
      List<String> parties = new java.util.ArrayList<>();
      switch (a.get("type").asText()) {
        case "email" -> {
          party(parties, 1, a.path("from"));
          a.path("to").forEach(to -> party(parties, 2, to));
        }
        case "meeting" -> {
          party(parties, 7, a.path("owner_email"));
          a.path("attendees").forEach(to -> party(parties, 5, to));
        }
        default -> { }
      }
      if (!parties.isEmpty()) expected.put(id, parties.stream().sorted().toList());
    });
    Map<String, List<String>> actual = new HashMap<>();
    partiesAfterSecond.forEach((id, parties) -> actual.put(id, parties.stream().sorted().toList()));
    assertEquals(expected, actual);
    long resolved = actual.values().stream().flatMap(List::stream).filter(p -> p.contains(" systemuser ")).count();
    long bare = actual.values().stream().flatMap(List::stream).filter(p -> p.endsWith("  ")).count();
    assertTrue(resolved > 0 && bare > 0, "the sample has participants who are users and outside addresses: "
        + resolved + " resolved, " + bare + " bare");
  }

  private static void party(List<String> parties, int mask, JsonNode address) {
    if (address.isMissingNode() || address.isNull() || address.asText().isBlank()) return;
    String found = partyTargets.getOrDefault(address.asText().toLowerCase(java.util.Locale.ROOT), List.of(" ")).get(0);
    parties.add(mask + " " + address.asText() + " " + found);
  }
}
