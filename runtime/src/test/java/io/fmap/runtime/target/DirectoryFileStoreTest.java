package io.fmap.runtime.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder large-file store: copies byte for byte, names that cannot escape, no half files. */
class DirectoryFileStoreTest {
  @TempDir Path dir;

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileIsCopiedUnderTableAndSourceIdAndTheLinkIsTheCopy() throws IOException {
    DirectoryFileStore store = new DirectoryFileStore(dir);
    String link = store.store("annotation", "fil-0000009", "site survey.mp4", bytes("video"));
    Path copy = dir.resolve("annotation/fil-0000009/site survey.mp4");
    assertEquals("video", Files.readString(copy));
    assertEquals(copy.toUri(), URI.create(link));
  }

  @Test
  void hostileNamesStayInsideTheFolder() throws IOException {
    DirectoryFileStore store = new DirectoryFileStore(dir);
    for (String name : List.of("../../etc/passwd", "..", "/abs/olute", "CON", "nul\u0000byte.txt", "a\\..\\..\\b")) {
      Path copy = Path.of(URI.create(store.store("annotation", "../id", name, bytes(name))));
      assertTrue(copy.normalize().startsWith(dir), name + " -> " + copy);
    }
    try (var walk = Files.walk(dir)) {
      assertTrue(walk.allMatch(p -> p.normalize().startsWith(dir)));
    }
  }

  @Test
  void storingAgainReplacesTheFile() throws IOException {
    DirectoryFileStore store = new DirectoryFileStore(dir);
    String first = store.store("annotation", "f1", "a.txt", bytes("first"));
    String second = store.store("annotation", "f1", "a.txt", bytes("second"));
    assertEquals(first, second);
    assertEquals("second", Files.readString(Path.of(URI.create(second))));
  }

  /** A body that breaks off mid-copy leaves neither the file nor a temporary one behind. */
  @Test
  void aFailedCopyLeavesNoFile() throws IOException {
    DirectoryFileStore store = new DirectoryFileStore(dir);
    InputStream broken = new InputStream() {
      private int left = 1000;

      // Every read after the first 1,000 bytes fails, not only one: InputStream.read(byte[]) swallows an
      // exception after the first byte of a block, so a stream that failed once and then went on
      // answering 'x' would be copied forever (it filled the disk with 13 GB before this was found).
      @Override
      public int read() throws IOException {
        if (left <= 0) throw new IOException("connection reset");
        left--;
        return 'x';
      }
    };
    assertThrows(IOException.class, () -> store.store("annotation", "f2", "big.bin", broken));
    try (var walk = Files.walk(dir)) {
      assertFalse(walk.anyMatch(Files::isRegularFile));
    }
  }

  @Test
  void theLinkOnlyStoreReadsNothingAndListsTheFile() throws IOException {
    LinkOnlyFileStore store = new LinkOnlyFileStore("https://contoso.sharepoint.com/sites/crm/migrated/");
    InputStream untouched = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("a link-only store must not read the body");
      }
    };
    String link = store.store("annotation", "fil-1", "report: Q4/2026?.pdf", untouched);
    assertEquals("https://contoso.sharepoint.com/sites/crm/migrated/annotation/fil-1/report%3A%20Q4%2F2026%3F.pdf", link);
    assertEquals(List.of(new LinkOnlyFileStore.KeptFile("annotation", "fil-1", "report: Q4/2026?.pdf", link)),
        store.kept());
  }
}
