package io.fmap.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fmap.compiler.Corpus;
import io.fmap.compiler.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A checker code nobody can look up, or that no corpus case proves, is a code users cannot trust. */
class ChecksDocumentedTest {
  private static List<DiagnosticCode> checkerCodes() {
    return Arrays.stream(DiagnosticCode.values()).filter(c -> c.id().compareTo("FM2") >= 0).toList();
  }

  @Test
  void everyCheckerCodeHasASectionInDocsChecks() throws IOException {
    String doc = Files.readString(Path.of("../docs/checks.md"));
    List<String> missing = checkerCodes().stream().map(DiagnosticCode::id)
        .filter(id -> !doc.contains("### " + id + "\n")).toList();
    assertEquals(List.of(), missing, "add these to docs/checks.md");
  }

  @Test
  void everyCheckerCodeHasABadCorpusCaseNamedAfterIt() {
    List<String> cases = Corpus.files("check/bad").stream().map(p -> p.getFileName().toString()).toList();
    List<String> missing = checkerCodes().stream().map(c -> c.id().toLowerCase(Locale.ROOT))
        .filter(id -> cases.stream().noneMatch(f -> f.startsWith(id + "-"))).toList();
    assertEquals(List.of(), missing, "add a case to corpus/check/bad for each");
  }
}
