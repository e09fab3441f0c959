package io.fmap.compiler;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The standard mapping set and its pinned schemas as the fmap-stdlib jar ships them on the classpath
 * ({@code io/fmap/stdlib/mappings/*.fmap}, {@code io/fmap/stdlib/schemas/*.json}). The class loader
 * cannot list a folder, so a file known to be in it anchors the walk, in a jar or in a build folder.
 */
public final class StandardSet {
  private static final String ROOT = "io/fmap/stdlib/";

  private StandardSet() {}

  /** Every standard mapping file, by file name, in name order. */
  public static Map<String, String> mappings() throws IOException {
    return files("mappings", "company.fmap", ".fmap");
  }

  /** The pinned schemas, by file name ({@code spark.json}, {@code dynamics.json}). */
  public static Map<String, String> schemas() throws IOException {
    return files("schemas", "spark.json", ".json");
  }

  private static Map<String, String> files(String folder, String anchor, String suffix) throws IOException {
    URL url = StandardSet.class.getClassLoader().getResource(ROOT + folder + "/" + anchor);
    if (url == null) throw new IOException("the standard mapping set (fmap-stdlib) is not on the classpath");
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot read " + url, e);
    }
    if (!"jar".equals(uri.getScheme())) return read(Path.of(uri).getParent(), suffix);
    String inside = "/" + ROOT + folder;
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      return read(jar.getPath(inside), suffix);
    } catch (FileSystemAlreadyExistsException e) {
      return read(FileSystems.getFileSystem(uri).getPath(inside), suffix);
    }
  }

  private static Map<String, String> read(Path dir, String suffix) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(suffix)) out.put(name, Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
