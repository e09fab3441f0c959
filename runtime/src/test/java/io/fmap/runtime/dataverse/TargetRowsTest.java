package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.target.EntityRef;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetRowsTest {
  private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  @Test
  void aGeneratedRowBecomesWebApiValuesAndBindsByNavigationProperty() {
    TargetRow row = TargetRow.builder("tasks", "task", new SourceRef("Activity", "A-1"))
        .key(TargetKey.alternate("fmap_sourceid", "A-1"))
        .set("subject", "Call")
        .set("scheduledend", Instant.parse("2024-01-15T10:30:45.123Z"))
        .set("fmap_due", LocalDate.of(2024, 2, 29))
        .set("fmap_amount", new BigDecimal("12.50"))
        .set("fmap_tags", List.of(1, 3))
        .lookup("regardingobjectid", new TargetRef("account", "regardingobjectid_account_task",
            TargetKey.alternate("fmap_sourceid", "C-9")))
        .owner(new TargetRef("systemuser", "ownerid", TargetKey.id(OWNER)))
        .build();
    RowWrite w = TargetRows.toWrite(row, FakeOrg.SCHEMA);
    assertEquals("A-1", w.sourceId());
    assertEquals(RowAddress.ByKey.of("fmap_sourceid", "A-1"), w.address());
    assertEquals("2024-01-15T10:30:45Z", w.body().get("scheduledend"));
    assertEquals("2024-02-29", w.body().get("fmap_due"));
    assertEquals(new BigDecimal("12.50"), w.body().get("fmap_amount"));
    assertEquals("1,3", w.body().get("fmap_tags"));
    assertEquals(new EntityRef("accounts", RowAddress.ByKey.of("fmap_sourceid", "C-9")),
        w.body().get("regardingobjectid_account_task"));
    assertEquals(new EntityRef("systemusers", new RowAddress.ById(OWNER)), w.body().get("ownerid"));
  }

  @Test
  void partiesAreDeepInsertedResolvedOrByAddress() {
    TargetRow row = TargetRow.builder("emails", "email", new SourceRef("Email", "E-1"))
        .party(new ActivityParty(ActivityParty.Role.SENDER,
            new TargetRef("systemuser", "partyid_systemuser", TargetKey.id(OWNER)), null))
        .party(new ActivityParty(ActivityParty.Role.TO_RECIPIENT, null, "someone@example.com"))
        .build();
    RowWrite w = TargetRows.toWrite(row, FakeOrg.SCHEMA);
    assertEquals(new RowAddress.ById(UUID.nameUUIDFromBytes("fmap:email:Email:E-1".getBytes())), w.address());
    assertEquals(List.of(
        Map.of("participationtypemask", 1, "partyid_systemuser", new EntityRef("systemusers", new RowAddress.ById(OWNER))),
        Map.of("participationtypemask", 2, "addressused", "someone@example.com")),
        w.body().get("email_activity_parties"));
  }
}
