package io.fmap.runtime.cutover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A self-contained HTML report page built by hand: inline style and one inline script, every text
 * escaped. Reports are opened from disk or mailed around, so they fetch nothing. The page has
 * headline figures, per-object bars and tables; the rows of filtered tables answer to one filter bar
 * (a text box and a status list) at the top of the page, also set from the address's fragment
 * ({@code sample-diff.html#status=differs&q=account}) so a link can point at a problem. Without
 * script every row shows.
 */
public final class HtmlPage {

  /** The colours a figure, a bar segment or a row is drawn in; each says something. */
  public enum Shade {
    GOOD("#2e7d32"), CHANGED("#1565c0"), NEUTRAL("#90a4ae"), WARN("#ef8f00"), BAD("#c62828");

    private final String colour;

    Shade(String colour) {
      this.colour = colour;
    }
  }

  /** A headline number. */
  public record Figure(String label, long value, Shade shade) {}

  /** One kind of count in a bar, with its colour; a bar's segments follow the legend's order. */
  public record Segment(String name, Shade shade) {}

  /** One object's bar: a count per segment, in the order of the segments given with it. */
  public record Bar(String label, List<Long> counts) {
    public Bar {
      counts = List.copyOf(counts);
    }

    long total() {
      return counts.stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * A row of a filtered table.
   *
   * @param status  what the status list matches (null: the row shows for every status)
   * @param flagged drawn in red: a row a reviewer must look at
   */
  public record Row(String status, boolean flagged, List<Object> cells) {
    public Row {
      cells = new ArrayList<>(cells); // cells may be null: shown empty
    }
  }

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
      main{max-width:1400px;margin:0 auto;padding:1.5em 2em 3em}
      h1{font-size:1.6em;margin:.2em 0 .6em}h2{font-size:1.2em;margin:1.6em 0 .5em}
      p{margin:.4em 0}
      .figures{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}
      .figure{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:.6em 1em;min-width:8em;
       border-top:4px solid var(--c)}
      .figure strong{display:block;font-size:1.7em;font-variant-numeric:tabular-nums}.figure span{color:#52606d;font-size:.9em}
      .bars{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:.8em 1em;margin:1em 0}
      .legend{display:flex;flex-wrap:wrap;gap:1.2em;font-size:.9em;color:#52606d;margin-bottom:.6em}
      .legend i{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.35em;vertical-align:-.1em}
      .bar{display:grid;grid-template-columns:minmax(8em,16em) 1fr 5em;align-items:center;gap:.8em;margin:.3em 0}
      .bar .label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
      .track{display:flex;height:1.3em;background:#eef2f6;border-radius:3px;overflow:hidden}
      .seg{min-width:4px;height:100%;color:#fff;font-size:.75em;line-height:1.75em;text-align:center;overflow:hidden;white-space:nowrap}
      .bar .num{text-align:right;font-variant-numeric:tabular-nums;color:#52606d}
      .filterbar{position:sticky;top:0;z-index:1;background:#e4e7eb;border-radius:6px;padding:.5em .8em;margin:1em 0;
       display:flex;gap:1em;align-items:center;flex-wrap:wrap}
      .filterbar input{font:inherit;padding:.25em .5em;width:22em;max-width:100%}.filterbar select{font:inherit;padding:.2em}
      table{border-collapse:collapse;margin:.4em 0 .3em;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12);
       font-size:.88em;max-width:100%}
      th,td{border-bottom:1px solid #e4e7eb;padding:.3em .7em;text-align:left;vertical-align:top}
      th{background:#323f4b;color:#fff;font-weight:600;position:sticky;top:2.6em}
      td{overflow-wrap:anywhere;min-width:4em}td.k{overflow-wrap:normal}
      td.id{font-family:ui-monospace,monospace;font-size:.85em;min-width:19ch;overflow-wrap:normal}td.n{text-align:right;font-variant-numeric:tabular-nums}
      tbody tr:nth-child(even){background:#f9fafb}tr.flagged td{background:#fde8e8}
      details{max-width:36em}summary{cursor:pointer}
      .shown{color:#52606d;font-size:.85em;margin-bottom:1em}
      .bad{color:#c62828;font-weight:600}.good{color:#2e7d32;font-weight:600}
      """;

  /**
   * Filters every {@code table.filtered} by the bar's text (anywhere in the row) and status, and
   * says under each table how many rows show. Nothing is fetched or sent.
   */
  private static final String SCRIPT = """
      (function(){
        var q=document.getElementById('filter-text'),s=document.getElementById('filter-status');
        if(!q)return;
        var h=new URLSearchParams(location.hash.slice(1));
        if(h.get('q'))q.value=h.get('q');
        if(s&&h.get('status'))s.value=h.get('status');
        function apply(){
          var text=q.value.toLowerCase(),status=s?s.value:'';
          document.querySelectorAll('table.filtered').forEach(function(t){
            var rows=t.tBodies[0].rows,n=0;
            for(var i=0;i<rows.length;i++){
              var r=rows[i],ok=(!text||r.textContent.toLowerCase().indexOf(text)>=0)
                &&(!status||r.getAttribute('data-status')===status);
              r.hidden=!ok;if(ok)n++;
            }
            t.style.display=n?'':'none';
            t.nextElementSibling.textContent=n+' of '+rows.length+' rows shown';
          });
        }
        q.addEventListener('input',apply);if(s)s.addEventListener('change',apply);apply();
      })();
      """;

  private final String title;
  private final List<String> blocks = new ArrayList<>();
  private final Set<String> statuses = new TreeSet<>();
  private int firstFiltered = -1;

  public HtmlPage(String title) {
    this.title = title;
  }

  public HtmlPage heading(String text) {
    blocks.add("<h2>" + escape(text) + "</h2>\n");
    return this;
  }

  public HtmlPage paragraph(String text) {
    blocks.add("<p>" + escape(text) + "</p>\n");
    return this;
  }

  /** Headline numbers in a row of cards, each with the colour of what it means. */
  public HtmlPage figures(List<Figure> figures) {
    StringBuilder out = new StringBuilder("<div class=\"figures\">");
    for (Figure f : figures) {
      out.append("<div class=\"figure\" style=\"--c:").append(f.shade().colour).append("\"><strong>").append(f.value())
          .append("</strong><span>").append(escape(f.label())).append("</span></div>");
    }
    blocks.add(out.append("</div>\n").toString());
    return this;
  }

  /**
   * One stacked bar per object, all on one scale (the longest bar is the largest total), so both the
   * volumes and the share of each kind show at a glance. Nothing is written for no bars.
   */
  public HtmlPage bars(List<Segment> segments, List<Bar> bars) {
    if (bars.isEmpty()) return this;
    long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
    StringBuilder out = new StringBuilder("<div class=\"bars\"><div class=\"legend\">");
    for (Segment s : segments) {
      out.append("<span><i style=\"background:").append(s.shade().colour).append("\"></i>").append(escape(s.name()))
          .append("</span>");
    }
    out.append("</div>\n");
    for (Bar bar : bars) {
      out.append("<div class=\"bar\"><span class=\"label\" title=\"").append(escape(bar.label())).append("\">")
          .append(escape(bar.label())).append("</span><span class=\"track\">");
      for (int i = 0; i < segments.size() && i < bar.counts().size(); i++) {
        long n = bar.counts().get(i);
        if (n == 0) continue;
        double width = 100.0 * n / max;
        out.append("<span class=\"seg\" style=\"width:").append(String.format(Locale.ROOT, "%.2f", width))
            .append("%;background:").append(segments.get(i).shade().colour).append("\" title=\"")
            .append(escape(segments.get(i).name())).append(": ").append(n).append("\">")
            // the number inside only where it fits; the tooltip always has it
            .append(width >= 6 ? String.valueOf(n) : "").append("</span>");
      }
      out.append("</span><span class=\"num\">").append(bar.total()).append("</span></div>\n");
    }
    blocks.add(out.append("</div>\n").toString());
    return this;
  }

  /** A table; cells that are numbers are right-aligned. Nothing is written for no rows. */
  public HtmlPage table(List<String> header, List<List<Object>> rows) {
    if (rows.isEmpty()) return this;
    StringBuilder out = new StringBuilder("<table>");
    head(out, header);
    for (List<Object> row : rows) cells(out.append("<tr>"), row).append("</tr>\n");
    blocks.add(out.append("</tbody></table>\n").toString());
    return this;
  }

  /**
   * A table the page's filter bar filters, with a line under it saying how many rows show. Rows
   * with a status add it to the bar's status list. Nothing is written for no rows.
   */
  public HtmlPage filteredTable(List<String> header, List<Row> rows) {
    if (rows.isEmpty()) return this;
    if (firstFiltered < 0) firstFiltered = blocks.size();
    StringBuilder out = new StringBuilder("<table class=\"filtered\">");
    head(out, header);
    for (Row row : rows) {
      out.append("<tr");
      if (row.status() != null) {
        statuses.add(row.status());
        out.append(" data-status=\"").append(escape(row.status())).append('"');
      }
      if (row.flagged()) out.append(" class=\"flagged\"");
      cells(out.append('>'), row.cells()).append("</tr>\n");
    }
    out.append("</tbody></table>\n<div class=\"shown\">").append(rows.size()).append(rows.size() == 1 ? " row" : " rows")
        .append("</div>\n");
    blocks.add(out.toString());
    return this;
  }

  private static void head(StringBuilder out, List<String> header) {
    out.append("<thead><tr>");
    header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
    out.append("</tr></thead><tbody>\n");
  }

  /** Longer texts fold: the first part shows, the whole text opens with a click, without script. */
  private static final int FOLD_AFTER = 160;
  /**
   * A short text whose words are at most this long breaks only at spaces; longer words (emails,
   * URLs) break anywhere, or a few of them in a row make the table wider than the window.
   */
  private static final int SHORT = 20;
  private static final java.util.regex.Pattern INSTANT = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\S+");
  private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

  private static StringBuilder cells(StringBuilder out, List<Object> cells) {
    for (Object cell : cells) {
      if (cell instanceof Number) {
        out.append("<td class=\"n\">").append(cell).append("</td>");
        continue;
      }
      String text = cell == null ? "" : String.valueOf(cell);
      if (text.length() > FOLD_AFTER) {
        out.append("<td><details><summary>").append(escape(text.substring(0, FOLD_AFTER))).append("…</summary>")
            .append(escape(text)).append("</details></td>");
      } else if (GUID.matcher(text).matches()) {
        // two lines at a hyphen: a whole GUID on one line takes a third of the table
        out.append("<td class=\"id\">").append(text).append("</td>");
      } else if (INSTANT.matcher(text).matches()) {
        // date over time: three timestamp columns on one line each are wider than the window
        out.append("<td class=\"k\">").append(escape(text).replaceFirst("T", "T<wbr>")).append("</td>");
      } else if (text.length() <= 2 * SHORT && longestWord(text) <= SHORT) {
        // ids, codes and statuses break only at spaces: broken anywhere they make columns of fragments
        out.append("<td class=\"k\">").append(escape(text)).append("</td>");
      } else {
        out.append("<td>").append(escape(text)).append("</td>");
      }
    }
    return out;
  }

  private static int longestWord(String text) {
    int longest = 0;
    for (String word : text.split("\\s+")) longest = Math.max(longest, word.length());
    return longest;
  }

  public String render() {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>\n<h1>")
        .append(escape(title)).append("</h1>\n");
    // the bar goes above the first filtered table, and above that table's heading when it has one
    int bar = firstFiltered > 0 && blocks.get(firstFiltered - 1).startsWith("<h2>") ? firstFiltered - 1 : firstFiltered;
    for (int i = 0; i < blocks.size(); i++) {
      if (i == bar) out.append(filterBar());
      out.append(blocks.get(i));
    }
    if (firstFiltered >= 0) out.append("<script>").append(SCRIPT).append("</script>\n");
    return out.append("</main></body></html>\n").toString();
  }

  private String filterBar() {
    StringBuilder out = new StringBuilder("<div class=\"filterbar\"><label>Filter rows <input id=\"filter-text\""
        + " type=\"search\" placeholder=\"text anywhere in the row\"></label>");
    if (!statuses.isEmpty()) {
      out.append("<label>Status <select id=\"filter-status\"><option value=\"\">every status</option>");
      statuses.forEach(s -> out.append("<option value=\"").append(escape(s)).append("\">").append(escape(s))
          .append("</option>"));
      out.append("</select></label>");
    }
    return out.append("</div>\n").toString();
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
