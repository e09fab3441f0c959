package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three HTML reports (sample diff, reconcile, run report) written by the verbs after a real run
 * against both emulators, then opened in headless Chromium: each renders to a screenshot with
 * something on it, and its filter script runs (the row counts under the tables are the script's;
 * the page itself only says "N rows"). Screenshots and pages are kept in {@code target/screenshots/}.
 */
class HtmlReportsRenderInChromiumTest {
  private static final Path ARTIFACTS = Path.of("target", "screenshots");
  private static final Pattern SHOWN = Pattern.compile("(\\d+) of (\\d+) rows shown");

  @TempDir Path dir;

  @Test
  void sampleDiffReconcileAndRunReportRenderWithTheirTablesBarsAndWorkingFilter() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require(Files.createDirectories(dir.resolve("chromium")));
    Path reconcile = dir.resolve("reconcile.html");
    Path report = dir.resolve("report.html");
    Path sample;
    try (EmulatedProject project = new EmulatedProject(dir.resolve("project"), 9, 120)) {
      assertEquals(Fmap.OK, project.approve().exit());
      CliRun first = project.run("sample", "--size", "30", "--json");
      JsonNode diff = new ObjectMapper().readTree(first.out()).path("diff");
      // one account renamed behind fmap's back: a red row in the sample diff and a mismatch in reconcile
      JsonNode account = EmulatedProject.comparedRecord(diff, "account", "name");
      try (TargetConnector target = project.target()) {
        target.write("account", List.of(new RowWrite(account.path("source").asText(),
            new RowAddress.ById(UUID.fromString(account.path("targetId").asText())), Map.of("name", "Renamed by hand"))));
      }
      CliRun again = project.run("sample", "--size", "30");
      assertEquals(Fmap.FINDINGS, again.exit(), again.out() + again.err());
      sample = project.dir.resolve(".fmap/reports/sample-diff.html");
      CliRun migrate = project.run("migrate", "--accept-warnings");
      assertTrue(migrate.exit() == Fmap.OK || migrate.exit() == Fmap.FINDINGS, migrate.err());
      CliRun checked = project.run("reconcile", "--full", "--html", reconcile.toString());
      assertEquals(Fmap.FINDINGS, checked.exit(), "the renamed account at least is a mismatch: " + checked.out() + checked.err());
      CliRun audit = project.run("report", "--html", report.toString());
      assertTrue(audit.exit() == Fmap.OK || audit.exit() == Fmap.FINDINGS, audit.err());
    }

    String sampleDom = render(chromium, sample, "sample-diff");
    assertTrue(sampleDom.contains("<h2>account ("), "a table per target table");
    assertTrue(sampleDom.contains("class=\"bars\""), "bars per table");
    Path differs = ARTIFACTS.resolve("sample-diff-differs.png");
    String differsOnly = chromium.render(sample, "status=differs", differs);
    assertPainted(differs);
    assertEquals(1, rowsShown(differsOnly), "the #status=differs link shows only the renamed field");
    assertTrue(differsOnly.contains("Renamed by hand"), differsOnly);

    String reconcileDom = render(chromium, reconcile, "reconcile");
    assertTrue(reconcileDom.contains("<th>ledger</th>") && reconcileDom.contains("<th>found</th>"),
        "the counts table and a mismatch list");

    String reportDom = render(chromium, report, "run-report");
    assertTrue(reportDom.contains(": full, "), "the full run has its section");
    assertTrue(reportDom.contains("<th>quarantined</th>"), "the counts table");
    assertTrue(reportDom.contains("class=\"bars\""), "bars per object");
  }

  /**
   * Screenshots the page, keeps it and its PNG as artifacts, and returns its DOM after the script
   * ran: every filtered table counted by the script, each showing all its rows.
   */
  private static String render(HeadlessChromium chromium, Path page, String name) throws Exception {
    Files.createDirectories(ARTIFACTS);
    Files.copy(page, ARTIFACTS.resolve(name + ".html"), StandardCopyOption.REPLACE_EXISTING);
    Path png = ARTIFACTS.resolve(name + ".png");
    String dom = chromium.render(page, "", png);
    assertPainted(png);
    int tables = count(dom, "<table class=\"filtered\"");
    assertTrue(tables > 0, name + " has filtered tables");
    Matcher shown = SHOWN.matcher(dom);
    int counted = 0;
    while (shown.find()) {
      counted++;
      assertEquals(shown.group(2), shown.group(1), name + ": without a filter every row shows");
    }
    assertEquals(tables, counted, name + ": the script counted the rows of every filtered table");
    return dom;
  }

  /** Rows the filter left showing, over every table, as the script counted them. */
  private static int rowsShown(String dom) {
    Matcher shown = SHOWN.matcher(dom);
    int rows = 0;
    while (shown.find()) rows += Integer.parseInt(shown.group(1));
    return rows;
  }

  /** The whole window was captured and holds more than a blank page: text, table lines, coloured bars. */
  private static void assertPainted(Path png) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth(), png.toString());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
    }
    assertTrue(colours.size() > 20, png + " has only " + colours.size() + " colours");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }

}
