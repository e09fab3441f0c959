package io.fmap.runtime.cutover;

import java.util.List;

/**
 * A self-contained HTML page built by hand: inline style, no script, every text escaped. Reports are
 * opened from disk or mailed around, so they must not fetch anything or run anything.
 */
public final class HtmlPage {
  private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
      + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.25em .6em;"
      + "text-align:left}td.n{text-align:right}th{background:#eee}.bad{color:#a00}";

  private final StringBuilder out = new StringBuilder();

  HtmlPage(String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(escape(title))
        .append("</h1>\n");
  }

  HtmlPage heading(String text) {
    out.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  HtmlPage paragraph(String text) {
    out.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A table; cells that are numbers are right-aligned. Nothing is written for no rows. */
  HtmlPage table(List<String> header, List<List<Object>> rows) {
    if (rows.isEmpty()) return this;
    out.append("<table><tr>");
    header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
    out.append("</tr>\n");
    for (List<Object> row : rows) {
      out.append("<tr>");
      for (Object cell : row) {
        out.append(cell instanceof Number ? "<td class=\"n\">" : "<td>").append(escape(String.valueOf(cell)))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    return this;
  }

  String render() {
    return out + "</body></html>\n";
  }

  /** Text as HTML text and attribute values: the five characters that could end or open markup. */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
