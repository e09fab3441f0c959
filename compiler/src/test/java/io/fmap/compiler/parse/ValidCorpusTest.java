package io.fmap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fmap.compiler.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in corpus/valid uses the language as documented and must parse without a finding. */
class ValidCorpusTest {

  static Stream<Path> validFiles() {
    return Corpus.files("valid").stream();
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void parsesWithoutFindings(Path file) {
    ParseResult result = FmapParser.parse(file.getFileName().toString(), Corpus.read(file));
    assertEquals(List.of(), result.diagnostics());
    assertFalse(result.file().declarations().isEmpty());
  }
}
