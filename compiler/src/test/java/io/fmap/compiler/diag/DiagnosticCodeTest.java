package io.fmap.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue stays one catalogue: unique ids, in their phase's range, syntax codes documented. */
class DiagnosticCodeTest {

  @Test
  void everyIdIsUniqueAndWellFormed() {
    List<String> ids = Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).toList();
    assertEquals(ids.size(), ids.stream().distinct().count(), "duplicate ids: " + ids);
    assertTrue(ids.stream().allMatch(id -> id.matches("FM[1-5]\\d{3}")), ids.toString());
  }

  @Test
  void everySyntaxCodeIsExplainedInTheLanguageGuide() throws IOException {
    String guide = Files.readString(Path.of("../docs/language.md"));
    for (DiagnosticCode code : DiagnosticCode.values()) {
      if (code.id().startsWith("FM1")) {
        assertTrue(guide.contains("| " + code.id() + " | " + code.defaultSeverity().word() + " |"),
            code.id() + " (" + code + ") is missing from the table in docs/language.md");
      }
    }
  }
}
