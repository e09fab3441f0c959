package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.cutover.HtmlPage.Bar;
import io.fmap.runtime.cutover.HtmlPage.Row;
import io.fmap.runtime.cutover.HtmlPage.Segment;
import io.fmap.runtime.cutover.HtmlPage.Shade;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report page's parts as markup; how they render and filter is HtmlReportsRenderInChromiumTest's (cli). */
class HtmlPageTest {

  @Test
  void aPageWithoutFilteredTablesHasNoFilterBarAndNoScript() {
    String html = new HtmlPage("t").table(List.of("a"), List.of(List.of("x"))).render();
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("filter-text"), html);
  }

  @Test
  void theFilterBarListsTheStatusesOfEveryFilteredTableOnceAndSitsAboveTheFirstTablesHeading() {
    String html = new HtmlPage("t").paragraph("intro")
        .heading("first").filteredTable(List.of("a"), List.of(new Row("differs", true, List.of("x")),
            new Row("equal", false, List.of("y"))))
        .heading("second").filteredTable(List.of("a"), List.of(new Row("differs", true, List.of("z")))).render();
    assertEquals(1, count(html, "id=\"filter-status\""), html);
    assertTrue(html.contains("<option value=\"differs\">differs</option><option value=\"equal\">equal</option></select>"),
        html);
    assertTrue(html.indexOf("filterbar") < html.indexOf("<h2>first</h2>"), html);
    assertTrue(html.indexOf("<p>intro</p>") < html.indexOf("filterbar"), html);
    assertTrue(html.contains("<tr data-status=\"differs\" class=\"flagged\">"), html);
    assertTrue(html.contains("<tr data-status=\"equal\">"), html);
    assertTrue(html.contains("<div class=\"shown\">2 rows</div>"), "the count without script: " + html);
  }

  @Test
  void barsShareOneScaleAndDrawNoSegmentForAZeroCount() {
    String html = new HtmlPage("t").bars(List.of(new Segment("ok", Shade.GOOD), new Segment("bad", Shade.BAD)),
        List.of(new Bar("big", List.of(30L, 10L)), new Bar("small", List.of(10L, 0L)))).render();
    assertTrue(html.contains("width:75.00%;background:#2e7d32\" title=\"ok: 30\""), html);
    assertTrue(html.contains("width:25.00%;background:#c62828\" title=\"bad: 10\""), html);
    assertTrue(html.contains("width:25.00%;background:#2e7d32\" title=\"ok: 10\""), "the small bar on the same scale");
    assertFalse(html.contains("bad: 0"), html);
  }

  @Test
  void cellsKeepIdsWholeFoldLongTextsAndEscapeEverything() {
    String longText = "<b>" + "word ".repeat(60);
    String html = new HtmlPage("t").table(List.of("a", "b", "c"), List.of(List.of(
        "f616c8ad-a32b-31de-8ca3-648f13d1d3b4", longText, 42))).render();
    assertTrue(html.contains("<td class=\"id\">f616c8ad-a32b-31de-8ca3-648f13d1d3b4</td>"), html);
    assertTrue(html.contains("<details><summary>&lt;b&gt;word"), html);
    assertTrue(html.contains(HtmlPage.escape(longText) + "</details>"), "the whole text stays in the page");
    assertTrue(html.contains("<td class=\"n\">42</td>"), html);
    assertFalse(html.contains("<b>"), html);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }
}
