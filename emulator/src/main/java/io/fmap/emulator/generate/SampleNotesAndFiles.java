package io.fmap.emulator.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Notes (HTML with inline images and scripts) and files (hostile names, one body over 128 MB). */
final class SampleNotesAndFiles {
  private final long seed;
  private final SampleCounts counts;

  SampleNotesAndFiles(long seed, SampleCounts counts) {
    this.seed = seed;
    this.counts = counts;
  }

  void writeNotes(Path dir) throws IOException {
    SplittableRandom r = SampleGenerator.random(seed, 8);
    try (JsonLines out = new JsonLines(dir.resolve("notes.jsonl"))) {
      for (int i = 1; i <= counts.notes(); i++) {
        SampleUsers.SampleUser author = SampleGenerator.owner(r);
        String[] related = SampleActivities.related(r, counts);
        out.begin(SampleGenerator.id("not", i)).text("body", noteBody(r, i)).related("related", related[0], related[1])
            .text("author_id", author.id()).text("author_email", author.email());
        SampleGenerator.stamps(out, r);
        out.end();
      }
    }
  }

  /** A 1×1 PNG, as people paste screenshots into notes. */
  private static final String INLINE_PNG = "data:image/png;base64,"
      + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  private static String noteBody(SplittableRandom r, int i) {
    // Note 3 is longer than Dynamics' 100,000 characters for annotation.notetext.
    if (i == 3) return "<p>" + SampleText.longText("Full meeting transcript", 110_000) + "</p>";
    return switch (i == 1 ? 1 : i == 2 ? 2 : r.nextInt(6)) {
      case 1 -> "<p>Screenshot of the issue:</p><p><img src=\"" + INLINE_PNG + "\" alt=\"screenshot\"></p>";
      case 2 -> "<p>Copied from the web form</p><script>alert('note " + i + "')</script>"
          + "<p onclick=\"steal()\">Click me</p>";
      case 3 -> "<p>会議のメモ: " + SampleText.sentence(r, 6) + "</p><p>Заметка: договор подписан.</p>";
      default -> "<p>" + SampleText.sentence(r, 8 + r.nextInt(20)) + "</p><ul><li>"
          + SampleText.sentence(r, 4) + "</li></ul>";
    };
  }

  /** File names by file number; 1 is the large file, 7 a name longer than 255 characters. */
  private static final String[] HOSTILE_NAMES = {
      null, null, "CON", "report: Q4/2026?.pdf", "名前 付き ファイル.docx",
      "<script>alert(1)</script>.html", "tab\there.txt", null, "  leading and trailing spaces .pdf ",
      "emoji 📎 attachment.png", "nul\u0000byte.txt", "quote\"and'apostrophe.csv", "../../etc/passwd"};

  void writeFiles(Path dir, boolean largeFiles) throws IOException {
    SplittableRandom r = SampleGenerator.random(seed, 9);
    String[] ext = {"pdf", "docx", "png", "csv", "txt"};
    String[] mime = {"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png", "text/csv", "text/plain"};
    try (JsonLines out = new JsonLines(dir.resolve("files.jsonl"))) {
      for (int i = 1; i <= counts.files(); i++) {
        int kind = r.nextInt(ext.length);
        String name = i < HOSTILE_NAMES.length && HOSTILE_NAMES[i] != null ? HOSTILE_NAMES[i]
            : i == 7 ? SampleText.longText("a very long file name", 300) + ".txt"
            : "document-" + i + "." + ext[kind];
        long size = i == 1 ? SampleGenerator.LARGE_FILE_SIZE : 200 + r.nextInt(4000);
        String fileId = SampleGenerator.id("fil", i);
        String[] related = SampleActivities.related(r, counts);
        out.begin(fileId).text("name", i == 1 ? "site-survey-video.mp4" : name).number("size", size)
            .text("mime_type", i == 1 ? "video/mp4" : mime[kind]).related("related", related[0], related[1]);
        SampleGenerator.owned(out, r);
        SampleGenerator.stamps(out, r);
        out.end();
        if (i != 1 || largeFiles) writeBody(dir.resolve("files").resolve(fileId), SampleGenerator.body(seed, fileId, size));
      }
    }
  }


  private static void writeBody(Path file, InputStream body) throws IOException {
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    }
  }
}
