package io.fmap.runtime.exec.sample;

import static io.fmap.runtime.cutover.HtmlPage.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sample-diff.html}: one file a reviewer opens from disk or a mail, with nothing to fetch.
 * Counts per table, then a table per target table with one line per mapped column; a status filter
 * of a few lines of inline script hides the lines of other statuses (without script every line shows).
 */
public final class SampleDiffHtml {
  public static final String FILE_NAME = "sample-diff.html";
  private static final String PROBLEM = "problem";
  private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
      + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.25em .6em;"
      + "text-align:left;vertical-align:top}td.n{text-align:right}th{background:#eee}"
      + "tr[data-status=differs] td,tr[data-status=problem] td{background:#fdd}";
  private static final String SCRIPT = "document.getElementById('status').onchange=function(){var v=this.value;"
      + "document.querySelectorAll('tr[data-status]').forEach(function(r){"
      + "r.hidden=v!==''&&r.getAttribute('data-status')!==v;});};";

  private SampleDiffHtml() {}

  public static String render(SampleDiff diff) {
    StringBuilder out = new StringBuilder();
    String title = "Sample diff of run " + diff.runId();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(escape(title))
        .append("</h1>\n<table><tr><th>table</th><th>records</th>");
    for (FieldStatus s : FieldStatus.values()) out.append("<th>").append(escape(s.label())).append("</th>");
    out.append("<th>problems</th></tr>\n");
    diff.countsByTable().values().forEach(c -> {
      out.append("<tr><td>").append(escape(c.table())).append("</td><td class=\"n\">").append(c.records());
      for (FieldStatus s : FieldStatus.values()) out.append("</td><td class=\"n\">").append(c.count(s));
      out.append("</td><td class=\"n\">").append(c.problems()).append("</td></tr>\n");
    });
    out.append("</table>\n<p><label>Show <select id=\"status\"><option value=\"\">every status</option>");
    for (FieldStatus s : FieldStatus.values()) {
      out.append("<option value=\"").append(escape(s.label())).append("\">").append(escape(s.label()))
          .append("</option>");
    }
    out.append("<option value=\"").append(PROBLEM).append("\">").append(PROBLEM).append("</option></select></label></p>\n");
    for (String table : diff.countsByTable().keySet()) {
      out.append("<h2>").append(escape(table)).append("</h2>\n<table><tr><th>source record</th><th>target id</th>"
          + "<th>column</th><th>source field</th><th>source value</th><th>expected</th><th>read back</th>"
          + "<th>status</th></tr>\n");
      for (RecordDiff r : diff.records()) {
        if (!r.table().equals(table)) continue;
        if (r.problem() != null) {
          row(out, PROBLEM, r.source().toString(), r.targetId(), "", "", "", "", "", r.problem());
        }
        for (FieldDiff f : r.fields()) {
          row(out, f.status().label(), r.source().toString(), r.targetId(), f.column(), f.sourceField(),
              f.sourceValue(), f.expected(), f.actual(), f.status().label());
        }
      }
      out.append("</table>\n");
    }
    return out.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n").toString();
  }

  private static void row(StringBuilder out, String status, String... cells) {
    out.append("<tr data-status=\"").append(escape(status)).append("\">");
    for (String cell : cells) out.append("<td>").append(cell == null ? "" : escape(cell)).append("</td>");
    out.append("</tr>\n");
  }

  /** Writes {@value #FILE_NAME} into the folder; returns its path. */
  public static Path write(SampleDiff diff, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(FILE_NAME);
    Files.writeString(file, render(diff), StandardCharsets.UTF_8);
    return file;
  }
}
