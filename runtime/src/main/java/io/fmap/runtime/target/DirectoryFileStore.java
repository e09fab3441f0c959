package io.fmap.runtime.target;

import io.fmap.runtime.functions.Std;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link LargeFileStore} that copies each file into a folder ({@code largeFiles: {directory: DIR}}):
 * {@code DIR/<table>/<source id>/<file name>}, every segment a sanitised file name, so no source value
 * can leave the folder. The copy goes to a temporary file first and is moved into place, so a run
 * stopped mid-copy leaves no half file under the final name; storing again replaces the file.
 * The link is the copy's {@code file:} URI; the customer uploads the folder to SharePoint.
 */
public final class DirectoryFileStore implements LargeFileStore {
  private final Path root;

  public DirectoryFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String store(String table, String sourceId, String fileName, InputStream content) throws IOException {
    Path folder = root.resolve(Std.sanitizeFilename(table)).resolve(Std.sanitizeFilename(sourceId));
    Path file = folder.resolve(Std.sanitizeFilename(fileName));
    if (!file.normalize().startsWith(root)) throw new IOException(fileName + " would leave " + root);
    Files.createDirectories(folder);
    Path partial = Files.createTempFile(folder, ".part-", ".tmp");
    try {
      Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return file.toUri().toString();
  }

  public Path root() { return root; }
}
