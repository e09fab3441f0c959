package io.fmap.compiler.stdlib;

import static io.fmap.compiler.stdlib.StandardSet.record;
import static io.fmap.compiler.stdlib.StandardSet.records;
import static io.fmap.compiler.stdlib.StandardSet.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.PartyCandidate;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Row 7: Spark activities split by type into phone call, email, appointment and task. */
class ActivityRowTest {

  @Test
  void eachTypeGoesToItsActivityTable() {
    assertEquals("phonecall", row(record("Activity", "act-0000001")).table());
    assertEquals("email", row(record("Activity", "act-0000002")).table());
    assertEquals("appointment", row(record("Activity", "act-0000003")).table());
    assertEquals("task", row(record("Activity", "act-0000004")).table());
    records("Activity").forEach(a -> assertEquals(TargetKey.alternate("fmap_sourceid", a.id()), row(a).key()));
  }

  /** Logged calls, emails and meetings are completed after the load; tasks by their Spark status. */
  @Test
  void completedActivitiesCarryTheStateTheStatePassApplies() {
    for (var activity : StandardSet.records("Activity")) {
      TargetRow row = row(activity);
      boolean outbound = "outbound".equals(activity.get("direction"));
      java.util.List<Integer> expected = switch ((String) activity.get("type")) {
        case "call" -> java.util.List.of(1, outbound ? 2 : 4);
        case "email" -> java.util.List.of(1, outbound ? 3 : 4);
        case "meeting" -> java.util.List.of(1, 3);
        default -> "done".equals(activity.get("task_status")) ? java.util.List.of(1, 5) : java.util.List.of(0, 2);
      };
      assertEquals(expected, java.util.List.of(row.columns().get("statecode"), row.columns().get("statuscode")),
          activity.id());
      assertEquals(java.util.Set.of("statecode", "statuscode"), StandardSet.plan().stateColumns(row.map()));
    }
  }

  @Test
  void originalTimestampsOwnerAndRegardingAreKept() {
    TargetRow call = row(record("Activity", "act-0000001"));
    assertEquals(Instant.parse("2024-10-18T08:10:44Z"), call.columns().get("overriddencreatedon"));
    assertEquals(Instant.parse("2025-02-26T08:47:30Z"), call.columns().get("actualstart"));
    assertEquals(Boolean.TRUE, call.columns().get("directioncode"), "outbound");
    assertEquals(StandardSet.Context.OWNER, call.owner());
    assertEquals(new TargetRef("account", "regardingobjectid_account_phonecall", TargetKey.alternate("fmap_sourceid", "cmp-0000001")),
        call.lookups().get("regardingobjectid"));
  }

  @Test
  void aContactRegardingBindsToWhereverTheContactWasRouted() {
    TargetRef regarding = row(record("Activity", "act-0000002")).lookups().get("regardingobjectid");
    assertTrue(regarding.navigationProperty().startsWith("regardingobjectid_"), regarding.toString());
    assertTrue(regarding.table().equals("contact") || regarding.table().equals("lead"), regarding.toString());
  }

  @Test
  void aMissingOrEmptySubjectGetsTheDefaultOfItsType() {
    assertEquals("", record("Activity", "act-0000005").get("subject"));
    assertEquals("Phone call", row(record("Activity", "act-0000005")).columns().get("subject"));
    assertEquals("Meeting", row(StandardSet.made("Activity", "m", Map.of("type", "meeting"))).columns().get("subject"));
    assertEquals("Email", row(StandardSet.made("Activity", "e", Map.of("type", "email"))).columns().get("subject"));
    assertEquals("Task", row(StandardSet.made("Activity", "t", Map.of("type", "task"))).columns().get("subject"));
  }

  @Test
  void aDoneTaskIsFullyDoneAndAnOpenOneNot() {
    assertEquals(0L, row(record("Activity", "act-0000004")).columns().get("percentcomplete"), "open");
    assertEquals(100L, row(record("Activity", "act-0000021")).columns().get("percentcomplete"), "done");
  }

  @Test
  void aTasksDueDateIsItsScheduledEndAtTheStartOfTheDay() {
    assertEquals(Instant.parse("2024-11-16T00:00:00Z"), row(record("Activity", "act-0000004")).columns().get("scheduledend"));
  }

  @Test
  void aLongSubjectIsCutToTheColumn() {
    assertEquals(300, ((String) record("Activity", "act-0000006").get("subject")).length());
    assertEquals(300, ((String) row(record("Activity", "act-0000006")).columns().get("subject")).length(), "email subject holds 800");
  }

  @Test
  void anActivityOnAProjectHasNoRegardingRecord() {
    TargetRow row = row(StandardSet.made("Activity", "p", Map.of("type", "call",
        "related", Map.of("object", "Project", "id", "prj-0000001"))));
    assertFalse(row.lookups().containsKey("regardingobjectid"));
  }

  /** Email sender and recipients: one party each, in the export's order, found by email or kept as the address. */
  @Test
  void anEmailsSenderAndRecipientsBecomeItsParties() {
    TargetRow email = row(record("Activity", "act-0000002"), new PartiesFound(Map.of(
        "person182@client.example", new TargetRef("contact", "partyid_contact", TargetKey.id(new UUID(0, 182))))));
    assertEquals(List.of(
        new ActivityParty(ActivityParty.Role.SENDER, null, "client91@client.example"),
        new ActivityParty(ActivityParty.Role.TO_RECIPIENT,
            new TargetRef("contact", "partyid_contact", TargetKey.id(new UUID(0, 182))), "person182@client.example")),
        email.parties());
  }

  /** The searched tables come in the order the map writes them: a user before a contact with the same address. */
  @Test
  void aPartyIsSearchedInTheTablesInTheOrderWritten() {
    List<List<String>> asked = new ArrayList<>();
    row(record("Activity", "act-0000002"), new PartiesFound(Map.of()) {
      @Override
      public Optional<TargetRef> party(String address, List<PartyCandidate> candidates) {
        asked.add(candidates.stream().map(c -> c.table() + "." + c.emailColumn()).toList());
        return Optional.empty();
      }
    });
    List<String> order = List.of("systemuser.internalemailaddress", "contact.emailaddress1", "lead.emailaddress1",
        "account.emailaddress1");
    assertEquals(List.of(order, order), asked);
  }

  /** A meeting: its owner organised it, every attendee is a required attendee; a repeated or blank address is left out. */
  @Test
  void aMeetingsOwnerOrganisesItAndItsAttendeesAreRequired() {
    TargetRow meeting = row(record("Activity", "act-0000007"), new PartiesFound(Map.of()));
    assertEquals(List.of(
        new ActivityParty(ActivityParty.Role.ORGANIZER, null, "kavya.rao@fmap.example"),
        new ActivityParty(ActivityParty.Role.REQUIRED_ATTENDEE, null, "person57@client.example")),
        meeting.parties());
    var made = StandardSet.made("Activity", "act-9", Map.of("type", "meeting", "owner_email", "kavya.rao@fmap.example",
        "attendees", java.util.Arrays.asList("a@x.example", " A@X.example ", "", null, "b@x.example")));
    assertEquals(List.of("kavya.rao@fmap.example", "a@x.example", "b@x.example"),
        row(made, new PartiesFound(Map.of())).parties().stream().map(ActivityParty::addressUsed).toList());
  }

  /** Calls and tasks list nobody: Spark keeps no participants for them. */
  @Test
  void callsAndTasksHaveNoParties() {
    assertEquals(List.of(), row(record("Activity", "act-0000001")).parties());
    assertEquals(List.of(), row(record("Activity", "act-0000004")).parties());
  }

  /** The sample context, resolving the given addresses (as the run would find them in the target). */
  private static class PartiesFound extends StandardSet.Context {
    private final Map<String, TargetRef> found;

    PartiesFound(Map<String, TargetRef> found) {
      super(Map.of());
      this.found = found;
    }

    @Override
    public Optional<TargetRef> party(String address, List<PartyCandidate> candidates) {
      return Optional.ofNullable(found.get(address));
    }
  }

  @Test
  void everySampleActivityMaps() {
    records("Activity").forEach(StandardSet::row);
  }

}
