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
import org.junit.jupiter.api.Test;

/** Row 8: Spark Note → annotation on the record it was written on. */
class NoteRowTest {

  @Test
  void aScriptInTheBodyIsRemovedAndTheTextKept() {
    TargetRow note = row(record("Note", "not-0000002"));
    String html = (String) note.columns().get("notetext");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("alert("), html);
    assertFalse(html.contains("onclick"), html);
    assertTrue(html.contains("Copied from the web form"), html);
    assertTrue(html.contains("Click me"), html);
    assertTrue(html.startsWith("<p>"), html);
  }

  @Test
  void theRegardingRecordIsKept() {
    assertEquals(new TargetRef("account", "objectid_account", TargetKey.alternate("fmap_sourceid", "cmp-0000023")),
        row(record("Note", "not-0000004")).lookups().get("objectid"));
    TargetRef onDeal = row(record("Note", "not-0000005")).lookups().get("objectid");
    assertEquals(new TargetRef("opportunity", "objectid_opportunity", TargetKey.alternate("fmap_sourceid", "del-0000030")), onDeal);
  }

  @Test
  void theAuthorOwnsTheNoteAndItsDateIsKept() {
    TargetRow note = row(record("Note", "not-0000004"));
    assertEquals(StandardSet.Context.OWNER, note.owner());
    assertEquals(java.time.Instant.parse((String) record("Note", "not-0000004").get("created_at")),
        note.columns().get("overriddencreatedon"));
  }

  @Test
  void anInlineImageDoesNotReachTheNoteText() {
    String html = (String) row(record("Note", "not-0000001")).columns().get("notetext");
    assertFalse(html.contains("data:image"), html);
    assertTrue(html.contains("Screenshot of the issue"), html);
  }

  @Test
  void aHugeNoteIsCutToTheNoteTextLimit() {
    assertTrue(((String) record("Note", "not-0000003").get("body")).length() > 100_000);
    assertEquals(100_000, ((String) row(record("Note", "not-0000003")).columns().get("notetext")).length());
  }

  @Test
  void everySampleNoteMaps() {
    records("Note").forEach(n -> assertEquals("annotation", row(n).table()));
  }
}
