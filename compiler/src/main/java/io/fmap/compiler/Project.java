package io.fmap.compiler;

import io.fmap.compiler.check.ProjectConfig;
import io.fmap.schema.SystemSchema;
import java.util.List;

/**
 * What checking needs: the {@code .fmap} files, both systems' schemas and {@code fmap.yaml}.
 *
 * @param files  the mapping files, with the path diagnostics name them by (forward slashes)
 * @param source the Spark schema ({@code schemas/spark.json})
 * @param target the Dynamics schema ({@code schemas/dynamics.json})
 * @param config params and settings from {@code fmap.yaml} (defaults when there is none)
 */
public record Project(List<FmapSource> files, SystemSchema source, SystemSchema target, ProjectConfig config) {

  public Project {
    files = List.copyOf(files);
  }

  /** One {@code .fmap} file's text. */
  public record FmapSource(String path, String text) {}
}
