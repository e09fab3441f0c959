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
    assertEquals("<p>Copied from the web form</p><p>Click me</p>", html);
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
  void formattingIsKeptAsHtml() {
    TargetRow note = row(record("Note", "not-0000010"));
    String body = (String) record("Note", "not-0000010").get("body");
    assertEquals(body, note.columns().get("notetext"), "a plain paragraph and list pass unchanged");
    assertTrue(body.contains("<ul><li>"), body);
  }

  /** Note 1 is a pasted screenshot: the image becomes the note's file, the text names it where it was. */
  @Test
  void anInlineImageBecomesTheNotesAttachment() {
    TargetRow note = row(record("Note", "not-0000001"));
    String html = (String) note.columns().get("notetext");
    assertFalse(html.contains("data:image"), html);
    assertEquals("<p>Screenshot of the issue:</p><p>[screenshot.png: attached to this note]</p>", html);
    assertEquals("screenshot.png", note.columns().get("filename"));
    assertEquals("image/png", note.columns().get("mimetype"));
    assertEquals(true, note.columns().get("isdocument"));
    byte[] png = java.util.Base64.getDecoder().decode((String) note.columns().get("documentbody"));
    assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void aNoteWithoutImageHasNoFile() {
    TargetRow note = row(record("Note", "not-0000002"));
    assertEquals(false, note.columns().get("isdocument"));
    assertFalse(note.columns().containsKey("documentbody"), note.columns().keySet().toString());
    assertFalse(note.columns().containsKey("filename"), note.columns().keySet().toString());
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
