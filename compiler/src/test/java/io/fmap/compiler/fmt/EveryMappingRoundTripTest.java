package io.fmap.compiler.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.ast.AstEquivalence;
import io.fmap.compiler.parse.FmapParser;
import io.fmap.compiler.parse.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The formatter's promise over every syntactically valid .fmap file in the repository (the
 * standard mappings, the checker's corpus, this corpus): same tree after formatting, and a
 * second formatting changes nothing. Files written by other people catch layouts ours miss.
 */
class EveryMappingRoundTripTest {

  static Stream<Path> everyParsableFile() throws IOException {
    try (Stream<Path> test = Files.walk(Path.of("src/test/resources"));
         Stream<Path> stdlib = Files.walk(Path.of("../stdlib-mappings/mappings"))) {
      return Stream.concat(test.toList().stream(), stdlib.toList().stream())
          .filter(p -> p.toString().endsWith(".fmap"))
          .filter(p -> !FmapParser.parse(p.toString(), read(p)).hasErrors())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("everyParsableFile")
  void formattingKeepsTheTreeAndIsIdempotent(Path file) {
    String text = read(file);
    ParseResult before = FmapParser.parse(file.toString(), text);
    FormatOutcome once = FormatOutcome.of(file.toString(), text);
    String formatted = once instanceof FormatOutcome.Changed c ? c.text() : text;
    assertTrue(once instanceof FormatOutcome.Changed || once instanceof FormatOutcome.Unchanged, once::toString);
    assertTrue(AstEquivalence.equivalent(before.file(), FmapParser.parse("f.fmap", formatted).file()));
    assertInstanceOf(FormatOutcome.Unchanged.class, FormatOutcome.of(file.toString(), formatted));
    assertEquals(before.file().comments().size(), FmapParser.parse("f.fmap", formatted).file().comments().size());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
