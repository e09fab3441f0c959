package io.fmap.runtime.api;

import java.util.Objects;

/**
 * A line of a {@code .fmap} file: where a generated statement, and so a runtime failure, came from.
 *
 * @param file the file name relative to the project ({@code mappings/contact.fmap})
 * @param line 1-based line number
 */
public record FmapLocation(String file, int line) implements Comparable<FmapLocation> {

  public FmapLocation {
    Objects.requireNonNull(file, "file");
    if (line < 1) throw new IllegalArgumentException("line must be 1 or more: " + line);
  }

  @Override
  public int compareTo(FmapLocation other) {
    int byFile = file.compareTo(other.file);
    return byFile != 0 ? byFile : Integer.compare(line, other.line);
  }

  /** {@code contact.fmap:14}, the spelling used in generated comments, plans and messages. */
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
