package io.fmap.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fmap.compiler.diag.TextRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in corpus/invalid holds mistakes people make; the findings fmap prints for it are
 * pinned in the .approved.txt file next to it. A change in wording shows up as a reviewable diff.
 */
class InvalidCorpusTest {

  static Stream<String> invalidFiles() {
    return Corpus.files("invalid").stream().map(p -> p.getFileName().toString());
  }

  @ParameterizedTest
  @MethodSource("invalidFiles")
  void findingsMatchTheApprovedOutput(String name) throws IOException {
    // A relative path, so the golden files do not depend on where the checkout lives.
    Compilation compilation = Compilation.load(List.of(Path.of("src/test/resources/corpus/invalid", name)));
    assertFalse(compilation.diagnostics().isEmpty(), "an invalid corpus file must produce a finding");
    String rendered = new TextRenderer(false).render(compilation.diagnostics(), compilation.sources());
    Approvals.verify(rendered, new Options().forFile().withNamer(new CorpusNamer("invalid", name)));
  }
}
