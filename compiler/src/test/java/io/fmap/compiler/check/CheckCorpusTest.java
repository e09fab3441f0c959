package io.fmap.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.Corpus;
import io.fmap.compiler.CorpusNamer;
import io.fmap.compiler.Project;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.SourceLookup;
import io.fmap.compiler.diag.TextRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker's corpus: each bad file is named after the code it must produce
 * ({@code fm3002-text-too-long.fmap}) and its rendered findings are pinned next to it; each good file
 * must check without a single finding. Both run against the standard mapping set's pinned schemas.
 */
class CheckCorpusTest {

  static List<Path> badFiles() {
    return Corpus.files("check/bad");
  }

  static List<Path> goodFiles() {
    return Corpus.files("check/good");
  }

  /** Read once: every case checks against the same pinned schemas. */
  private static ProjectLoader.Schemas schemas;

  static CheckResult check(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (schemas == null) schemas = ProjectLoader.schemas(file.getParent()).orElseThrow();
    ProjectConfig config = ProjectLoader.configFile(file.resolveSibling(name + ".yaml"));
    Project project = new Project(List.of(new Project.FmapSource(name, Corpus.read(file))), schemas.source(),
        schemas.target(), config);
    return Compiler.check(project);
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void badFileGetsItsCodeAtTheApprovedPlace(Path file) throws IOException {
    String name = file.getFileName().toString();
    CheckResult result = check(file);
    String code = name.substring(0, name.indexOf('-')).toUpperCase(Locale.ROOT);
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().id().equals(code)),
        name + " must produce " + code + ", got " + result.diagnostics().stream().map(d -> d.code().id()).toList());
    String rendered = new TextRenderer(false).render(result.diagnostics(),
        SourceLookup.of(Map.of(name, Corpus.read(file))));
    Approvals.verify(rendered, new Options().forFile().withNamer(new CorpusNamer("check/bad", name)));
  }

  @ParameterizedTest
  @MethodSource("goodFiles")
  void goodFileChecksWithoutAFinding(Path file) throws IOException {
    CheckResult result = check(file);
    List<String> found = result.diagnostics().stream().map(Diagnostic::toString).toList();
    assertEquals(List.of(), found);
    assertTrue(result.program().isPresent(), "a clean check gives a program");
  }
}
