package io.fmap.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fmap.compiler.check.ProjectConfig;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads a project folder: every {@code .fmap} file under it, {@code schemas/spark.json} and
 * {@code schemas/dynamics.json} (falling back to the standard mapping set's pinned schemas when the
 * folder has none), and {@code fmap.yaml}.
 */
public final class ProjectLoader {
  /** Where the standard mapping set ships its schemas on the classpath (fmap-stdlib). */
  static final String STDLIB_SCHEMAS = "io/fmap/stdlib/schemas/";

  private ProjectLoader() {}

  /** The two schemas of a project, or empty when neither the folder nor the classpath has them. */
  public static Optional<Schemas> schemas(Path root) throws IOException {
    Optional<SystemSchema> spark = schema(root, "spark.json");
    Optional<SystemSchema> dynamics = schema(root, "dynamics.json");
    if (spark.isEmpty() || dynamics.isEmpty()) return Optional.empty();
    return Optional.of(new Schemas(spark.get(), dynamics.get()));
  }

  public record Schemas(SystemSchema source, SystemSchema target) {}

  private static Optional<SystemSchema> schema(Path root, String file) throws IOException {
    Path local = root.resolve("schemas").resolve(file);
    if (Files.isRegularFile(local)) return Optional.of(SchemaSnapshots.read(local));
    try (InputStream in = ProjectLoader.class.getClassLoader().getResourceAsStream(STDLIB_SCHEMAS + file)) {
      if (in == null) return Optional.empty();
      return Optional.of(SchemaSnapshots.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  /**
   * The whole project under {@code root}: its {@code .fmap} files (named relative to {@code root}),
   * its schemas (or the standard set's) and {@code fmap.yaml}.
   *
   * @throws IOException when a file cannot be read, or no schemas are found
   */
  public static Project load(Path root) throws IOException {
    List<Project.FmapSource> files = new ArrayList<>();
    for (Path path : SourceFiles.discover(List.of(root))) {
      SourceFiles.Read read = SourceFiles.read(path);
      if (read instanceof SourceFiles.Unreadable u) throw new IOException(path + ": " + u.diagnostic().message());
      String name = root.relativize(path).toString().replace('\\', '/');
      files.add(new Project.FmapSource(name.isEmpty() ? path.getFileName().toString() : name,
          ((SourceFiles.Text) read).text()));
    }
    Schemas schemas = schemas(root).orElseThrow(() -> new IOException(
        root + " has no schemas/spark.json and schemas/dynamics.json, and the standard set's are not on the classpath"));
    return new Project(files, schemas.source(), schemas.target(), config(root));
  }

  /**
   * The project folder a path belongs to: the nearest folder at or above it holding {@code fmap.yaml}
   * or {@code schemas/}, else the path itself (or its folder, for a file).
   */
  public static Path findRoot(Path path) {
    Path start = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(start) && start.getParent() != null) start = start.getParent();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("fmap.yaml")) || Files.isDirectory(p.resolve("schemas"))) return p;
    }
    return start;
  }

  /**
   * {@code fmap.yaml}: {@code params:} (name: value), {@code publisher_prefix:} and {@code edition:}
   * ({@code professional} caps custom tables at 15, {@code enterprise} does not). Other keys belong to
   * other parts of fmap and are left alone.
   */
  public static ProjectConfig config(Path root) throws IOException {
    return configFile(root.resolve("fmap.yaml"));
  }

  /** {@link #config(Path)} from a given file; defaults when it does not exist. */
  public static ProjectConfig configFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return ProjectConfig.defaults();
    JsonNode yaml;
    try {
      yaml = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (yaml == null || !yaml.isObject()) return ProjectConfig.defaults();
    TreeMap<String, String> params = new TreeMap<>();
    yaml.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    String prefix = yaml.path("publisher_prefix").asText(ProjectConfig.DEFAULT_PREFIX);
    String edition = yaml.path("edition").asText("professional");
    OptionalInt cap = edition.equalsIgnoreCase("enterprise") ? OptionalInt.empty()
        : OptionalInt.of(ProjectConfig.PROFESSIONAL_CAP);
    return new ProjectConfig(params, prefix, cap);
  }
}
