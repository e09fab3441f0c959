package io.fmap.compiler.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compiled generated classes on disk, keyed by a hash of the generated sources and the Java
 * version, so that an unchanged project skips javac on the next run.
 *
 * <p>Each entry is a folder named by the key holding one {@code .class} file per class and an
 * index written last; an entry is published by an atomic rename, so a reader never sees half of
 * one, and two processes filling the same entry at once both end with a complete one.
 */
public final class ClassCache {

  /** Bumped when the entry layout changes, so that old entries are never misread. */
  private static final String FORMAT = "fmap-class-cache-1";
  private static final String INDEX = "classes.idx";

  private final Path dir;
  private final InMemoryJavaCompiler javac;

  public ClassCache(Path dir, InMemoryJavaCompiler javac) {
    this.dir = dir;
    this.javac = javac;
  }

  /**
   * What {@link #compile} did.
   *
   * @param fromCache    javac was skipped
   * @param cacheProblem why the classes could not be stored (the run goes on without the cache), or null
   */
  public record Compilation(CompiledClasses classes, boolean fromCache, String key, String cacheProblem) {}

  public Compilation compile(List<GeneratedSource> sources) {
    String key = key(sources);
    Path entry = dir.resolve(key);
    Optional<CompiledClasses> cached = read(entry);
    if (cached.isPresent()) return new Compilation(cached.get(), true, key, null);
    CompiledClasses compiled = javac.compile(sources);
    try {
      write(entry, compiled);
      return new Compilation(compiled, false, key, null);
    } catch (IOException e) {
      return new Compilation(compiled, false, key, "cannot store compiled classes in " + dir + " (" + e
          + "); every run compiles again until the folder is writable");
    }
  }

  /** Hex SHA-256 of the cache format, the Java feature version and every source, in class-name order. */
  public static String key(List<GeneratedSource> sources) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    update(sha, FORMAT);
    update(sha, Integer.toString(Runtime.version().feature()));
    sources.stream().sorted(Comparator.comparing(GeneratedSource::className)).forEach(s -> {
      update(sha, s.className());
      update(sha, s.code());
    });
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    // Length-prefixed, so that ("ab", "c") and ("a", "bc") hash differently.
    sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  /** The entry, or empty when it is missing or incomplete (then it is rebuilt). */
  private static Optional<CompiledClasses> read(Path entry) {
    Path index = entry.resolve(INDEX);
    if (!Files.isRegularFile(index)) return Optional.empty();
    try {
      SortedMap<String, byte[]> classes = new TreeMap<>();
      for (String name : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        if (name.isBlank()) continue;
        Path file = entry.resolve(name + ".class");
        if (!Files.isRegularFile(file)) return Optional.empty();
        classes.put(name, Files.readAllBytes(file));
      }
      return classes.isEmpty() ? Optional.empty() : Optional.of(new CompiledClasses(classes));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private void write(Path entry, CompiledClasses compiled) throws IOException {
    Path staging = null;
    try {
      Files.createDirectories(dir);
      staging = Files.createTempDirectory(dir, entry.getFileName() + ".tmp");
      for (var cls : compiled.bytecode().entrySet()) {
        Files.write(staging.resolve(cls.getKey() + ".class"), cls.getValue());
      }
      Files.writeString(staging.resolve(INDEX), String.join("\n", compiled.bytecode().keySet()) + "\n");
      if (Files.exists(entry)) deleteQuietly(entry); // incomplete, or read() would have used it
      try {
        Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
        staging = null;
      } catch (IOException raced) {
        // Another process may have published the same key first; its entry holds the same classes.
        if (read(entry).isEmpty()) throw raced;
      }
    } finally {
      if (staging != null) deleteQuietly(staging);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover staging folder is harmless: it never has the key's name.
    }
  }
}
