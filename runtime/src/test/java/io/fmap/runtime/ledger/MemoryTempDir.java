package io.fmap.runtime.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * {@code @TempDir(factory = MemoryTempDir.class)}: a temporary folder in memory ({@code /dev/shm})
 * where the machine has one, else in the usual temporary folder. For tests that commit to an
 * SQLite ledger thousands of times: the ledger syncs every commit to disk (about 10 ms each on
 * the machine CI runs on, 0.3 ms in memory), and what these tests kill is a process or a
 * thread, which the operating system's file cache outlives; no test here simulates a power cut.
 */
public final class MemoryTempDir implements TempDirFactory {
  private static final Path SHARED_MEMORY = Path.of("/dev/shm");

  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
    if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)) {
      return Files.createTempDirectory(SHARED_MEMORY, "fmap-test-");
    }
    return Files.createTempDirectory("fmap-test-");
  }
}
