package io.fmap.compiler.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.Corpus;
import io.fmap.compiler.Project;
import io.fmap.compiler.ProjectLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever parses, the checker answers with findings, never an exception. */
class CheckerRobustnessTest {
  private static ProjectLoader.Schemas schemas;

  static List<Path> everyCorpusFile() {
    List<Path> all = new ArrayList<>();
    // Files with syntax errors never reach the checker, so the parser's invalid corpus is left out.
    for (String folder : List.of("valid", "fmt", "check/bad", "check/good")) all.addAll(Corpus.files(folder));
    return all;
  }

  @ParameterizedTest
  @MethodSource("everyCorpusFile")
  void checkingAnyCorpusFileGivesFindingsOrAProgram(Path file) throws IOException {
    if (schemas == null) schemas = ProjectLoader.schemas(file.getParent()).orElseThrow();
    Project project = new Project(List.of(new Project.FmapSource(file.getFileName().toString(), Corpus.read(file))),
        schemas.source(), schemas.target(), ProjectConfig.defaults());
    CheckResult result = assertDoesNotThrow(() -> Compiler.check(project));
    assertTrue(result.hasErrors() != result.program().isPresent(), "a program exactly when there is no error");
  }

  @ParameterizedTest
  @MethodSource("everyCorpusFile")
  void checkingWithoutAnyTableStillGivesFindings(Path file) {
    var empty = new io.fmap.schema.SystemSchema("spark", List.of(), List.of(), null);
    var none = new io.fmap.schema.SystemSchema("dynamics", List.of(), List.of(), null);
    Project project = new Project(List.of(new Project.FmapSource(file.getFileName().toString(), Corpus.read(file))),
        empty, none, ProjectConfig.defaults());
    assertDoesNotThrow(() -> Compiler.check(project));
  }
}
