package io.fmap.compiler.stdlib;

import static io.fmap.compiler.stdlib.StandardSet.record;
import static io.fmap.compiler.stdlib.StandardSet.records;
import static io.fmap.compiler.stdlib.StandardSet.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import java.time.Instant;
import java.util.Map;
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

  @Test
  void everySampleActivityMaps() {
    records("Activity").forEach(StandardSet::row);
  }

}
