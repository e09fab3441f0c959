package io.fmap.runtime.exec.sample;

import io.fmap.runtime.cutover.HtmlPage;
import io.fmap.runtime.cutover.HtmlPage.Bar;
import io.fmap.runtime.cutover.HtmlPage.Figure;
import io.fmap.runtime.cutover.HtmlPage.Row;
import io.fmap.runtime.cutover.HtmlPage.Segment;
import io.fmap.runtime.cutover.HtmlPage.Shade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sample-diff.html}: one file a reviewer opens from disk or a mail, with nothing to fetch.
 * Headline counts, a bar per target table (its fields by status, problems in red), then a table per
 * target table with one line per mapped column, differing lines and problems in red; the page's
 * filter bar narrows every table to a status or a text ({@code #status=differs} in the address).
 */
public final class SampleDiffHtml {
  public static final String FILE_NAME = "sample-diff.html";
  /** The status of a record that could not be compared (not landed, not found, failed to map). */
  public static final String PROBLEM = "problem";
  private static final List<Segment> SEGMENTS = List.of(new Segment(FieldStatus.EQUAL.label(), Shade.GOOD),
      new Segment(FieldStatus.TRANSFORMED.label(), Shade.CHANGED), new Segment(FieldStatus.DIFFERS.label(), Shade.BAD),
      new Segment("records not compared", Shade.WARN));

  private SampleDiffHtml() {}

  public static String render(SampleDiff diff) {
    HtmlPage page = new HtmlPage("Sample diff of run " + diff.runId());
    List<SampleDiff.TableCounts> counts = List.copyOf(diff.countsByTable().values());
    int differs = counts.stream().mapToInt(c -> c.count(FieldStatus.DIFFERS)).sum();
    int problems = counts.stream().mapToInt(SampleDiff.TableCounts::problems).sum();
    page.paragraph(differs + problems == 0
        ? "Every sampled field reads back from the target as the mappings say."
        : (differs == 1 ? "1 field differs" : differs + " fields differ") + " from what the mappings say and "
            + (problems == 1 ? "1 record" : problems + " records")
            + " could not be compared: choose the status 'differs' or 'problem' to list them.");
    page.figures(List.of(new Figure("records sampled", diff.records().size(), Shade.NEUTRAL),
        new Figure("fields " + FieldStatus.EQUAL.label(), sum(counts, FieldStatus.EQUAL), Shade.GOOD),
        new Figure("fields " + FieldStatus.TRANSFORMED.label(), sum(counts, FieldStatus.TRANSFORMED), Shade.CHANGED),
        new Figure("fields that differ", differs, differs == 0 ? Shade.NEUTRAL : Shade.BAD),
        new Figure("records not compared", problems, problems == 0 ? Shade.NEUTRAL : Shade.WARN)));
    page.heading("Fields per target table");
    page.bars(SEGMENTS, counts.stream().map(c -> new Bar(c.table(), List.of((long) c.count(FieldStatus.EQUAL),
        (long) c.count(FieldStatus.TRANSFORMED), (long) c.count(FieldStatus.DIFFERS), (long) c.problems()))).toList());
    for (SampleDiff.TableCounts c : counts) {
      page.heading(c.table() + " (" + c.records() + (c.records() == 1 ? " record)" : " records)"));
      page.filteredTable(List.of("source record", "target id", "column", "source field", "source value", "expected",
          "read back", "status"), rows(diff, c.table()));
    }
    return page.render();
  }

  private static long sum(List<SampleDiff.TableCounts> counts, FieldStatus status) {
    return counts.stream().mapToLong(c -> c.count(status)).sum();
  }

  private static List<Row> rows(SampleDiff diff, String table) {
    List<Row> rows = new ArrayList<>();
    for (RecordDiff r : diff.records()) {
      if (!r.table().equals(table)) continue;
      if (r.problem() != null) {
        rows.add(new Row(PROBLEM, true, List.of(r.source().toString(), r.targetId() == null ? "" : r.targetId(), "",
            "", "", "", "", r.problem())));
      }
      for (FieldDiff f : r.fields()) {
        rows.add(new Row(f.status().label(), f.status() == FieldStatus.DIFFERS, java.util.Arrays.asList(
            r.source().toString(), r.targetId(), f.column(), f.sourceField(), f.sourceValue(), f.expected(),
            f.actual(), f.status().label())));
      }
    }
    return rows;
  }

  /** Writes {@value #FILE_NAME} into the folder; returns its path. */
  public static Path write(SampleDiff diff, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(FILE_NAME);
    Files.writeString(file, render(diff), StandardCharsets.UTF_8);
    return file;
  }
}
