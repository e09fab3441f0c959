package io.fmap.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

/** The three output formats of the same findings, pinned: tools and people rely on the exact bytes. */
class RenderersTest {

  private static final String TEXT = "map spark.Company -> dynamics.account {\n\tname = nmae\n}\n";
  private static final SourceLookup SOURCES = SourceLookup.of(Map.of("company.fmap", TEXT));

  /** A finding with every optional part, and a plain warning before it in the file. */
  private static List<Diagnostic> findings() {
    Span nmae = new Span("company.fmap", 2, 9, 2, 13, 48, 52);
    Span open = new Span("company.fmap", 1, 39, 1, 40, 38, 39);
    return List.of(
        Diagnostic.of(DiagnosticCode.UNKNOWN_KEYWORD, nmae, "`nmae` is not a field of spark.Company")
            .withLabel("unknown field")
            .withHelp("did you mean `name`?")
            .withNote("fields are matched exactly, \"quotes\" and all")
            .withSecondary(open, "in this map")
            .withSuggestion(nmae, "name"),
        Diagnostic.of(DiagnosticCode.EMPTY_FILE, Span.startOf("company.fmap"), "a warning at the start"));
  }

  @Test
  void textShowsTheSourceLineWithTabsExpandedAndCaretsUnderTheSpan() {
    Approvals.verify(new TextRenderer(false).render(findings(), SOURCES));
  }

  @Test
  void gnuIsOneLineEachInReadingOrder() {
    Approvals.verify(new GnuRenderer().render(findings(), SOURCES));
  }

  @Test
  void jsonHasAFixedFieldOrderAndNullsForAbsentParts() {
    Approvals.verify(new JsonRenderer().render(findings(), SOURCES));
  }

  @Test
  void colourIsOnlyAddedWhenAskedFor() {
    assertFalse(new TextRenderer(false).render(findings(), SOURCES).contains("\u001b["));
    assertTrue(new TextRenderer(true).render(findings(), SOURCES).contains("\u001b[1;31merror[FM1006]"));
  }

  @Test
  void noFindingsIsAnEmptyJsonArray() {
    assertEquals("[]\n", new JsonRenderer().render(List.of(), SOURCES));
  }

  @Test
  void didYouMeanSuggestsOnlyCloseWords() {
    assertEquals("map", DidYouMean.closest("mpa", List.of("map", "param", "table")).orElseThrow());
    assertTrue(DidYouMean.closest("xyz", List.of("map", "param")).isEmpty());
  }
}
