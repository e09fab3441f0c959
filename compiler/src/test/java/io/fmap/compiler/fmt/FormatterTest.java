package io.fmap.compiler.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.Corpus;
import io.fmap.compiler.CorpusNamer;
import io.fmap.compiler.ast.AstEquivalence;
import io.fmap.compiler.parse.FmapParser;
import io.fmap.compiler.parse.ParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormatterTest {

  static Stream<Path> allParsableFiles() {
    return Stream.concat(Corpus.files("valid").stream(), Corpus.files("fmt").stream());
  }

  static Stream<Path> validFiles() {
    return Corpus.files("valid").stream();
  }

  static Stream<Path> messyFiles() {
    return Corpus.files("fmt").stream();
  }

  @ParameterizedTest
  @MethodSource("allParsableFiles")
  void formattingNeverChangesMeaningAndKeepsEveryComment(Path file) {
    ParseResult before = parse(file.getFileName().toString(), Corpus.read(file));
    String formatted = Formatter.format(before.file());
    ParseResult after = parse("formatted.fmap", formatted);
    assertTrue(AstEquivalence.equivalent(before.file(), after.file()), () -> "meaning changed:\n" + formatted);
    assertEquals(texts(before), texts(after), "comments lost or changed");
  }

  @ParameterizedTest
  @MethodSource("allParsableFiles")
  void formattingTwiceGivesTheSameText(Path file) {
    String once = Formatter.format(parse("a.fmap", Corpus.read(file)).file());
    String twice = Formatter.format(parse("b.fmap", once).file());
    assertEquals(once, twice);
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void theValidCorpusIsAlreadyInCanonicalForm(Path file) {
    String text = Corpus.read(file);
    assertEquals(text, Formatter.format(parse(file.getFileName().toString(), text).file()));
  }

  @ParameterizedTest
  @MethodSource("messyFiles")
  void messyLayoutBecomesTheApprovedCanonicalForm(Path file) {
    String name = file.getFileName().toString();
    Approvals.verify(Formatter.format(parse(name, Corpus.read(file)).file()),
        new Options().forFile().withNamer(new CorpusNamer("fmt", name)));
  }

  private static ParseResult parse(String name, String text) {
    ParseResult result = FmapParser.parse(name, text);
    assertEquals(List.of(), result.diagnostics(), "the corpus file must parse cleanly");
    return result;
  }

  private static List<String> texts(ParseResult result) {
    return result.file().comments().stream().map(c -> c.text().strip()).toList();
  }
}
