package io.fmap.cli;

import io.fmap.compiler.Project;
import io.fmap.compiler.diag.SourceLookup;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of a project's files, so diagnostics can show the offending line. */
final class ProjectSources {

  private ProjectSources() {}

  static SourceLookup of(Project project) {
    Map<String, String> texts = new LinkedHashMap<>();
    project.files().forEach(f -> texts.put(f.path(), f.text()));
    return SourceLookup.of(texts);
  }
}
