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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row 11: Spark File → attachment; above the org limit the load links the note to the large-file store (cli AfterLoadOnEmulatorsTest, LargeFilesOnEmulatorsTest). */
class FileRowTest {

  /**
   * The export keeps bodies apart from the records: every file's body is read from the source after
   * the load; whether it fits the org is decided then, against the org's maxuploadfilesize.
   */
  @Test
  void everyFileTakesItsBodyAfterTheLoad() {
    var maps = StandardSet.plan().maps().stream().filter(m -> m.sourceObject().equals("File")).toList();
    assertEquals(1, maps.size());
    assertEquals(java.util.Set.of("documentbody"), StandardSet.plan().fileBodyColumns(maps.get(0).id()));
  }

  @Test
  void aSmallFileBecomesAnAttachmentOnItsRecord() {
    TargetRow file = row(record("File", "fil-0000013"));
    assertEquals("annotation", file.table());
    assertEquals(TargetKey.alternate("fmap_sourcefileid", "fil-0000013"), file.key());
    assertEquals(Boolean.TRUE, file.columns().get("isdocument"));
    assertEquals("document-13.docx", file.columns().get("filename"));
    TargetRef regarding = file.lookups().get("objectid");
    assertEquals(TargetKey.alternate("fmap_sourceid", "con-0000012"), regarding.key());
    assertEquals("objectid_" + regarding.table(), regarding.navigationProperty());
    assertTrue(List.of("contact", "lead").contains(regarding.table()), "wherever the contact was routed");
  }

  /** The large file maps like the others: the load, not the mapping, sends its body to the large-file store. */
  @Test
  void theLargeFileMapsToANoteOnItsRecordLikeTheOthers() {
    TargetRow big = row(record("File", "fil-0000001"));
    assertEquals("site-survey-video.mp4", big.columns().get("filename"));
    assertFalse(big.columns().containsKey("documentbody"), "read after the load");
    assertEquals(new TargetRef("account", "objectid_account", TargetKey.alternate("fmap_sourceid", "cmp-0000010")),
        big.lookups().get("objectid"));
  }

  @Test
  void hostileFileNamesAreSanitised() {
    assertEquals("_CON", row(record("File", "fil-0000002")).columns().get("filename"));
    assertEquals("report_ Q4_2026_.pdf", row(record("File", "fil-0000003")).columns().get("filename"));
    for (var f : records("File")) {
      String name = (String) row(f).columns().get("subject");
      assertFalse(name.matches(".*[<>:\"/\\\\|?*\\x00-\\x1f].*"), name);
      assertTrue(name.length() <= 255, name);
    }
  }
}
