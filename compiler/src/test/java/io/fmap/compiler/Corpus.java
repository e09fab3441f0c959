package io.fmap.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test corpus under src/test/resources/corpus: valid files and invalid ones with their goldens. */
public final class Corpus {

  private Corpus() {}

  public static Path folder(String name) {
    try {
      return Path.of(Corpus.class.getResource("/corpus/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The .fmap files of one corpus folder, sorted by name. */
  public static List<Path> files(String name) {
    try (Stream<Path> files = Files.list(folder(name))) {
      return files.filter(f -> f.toString().endsWith(".fmap")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
