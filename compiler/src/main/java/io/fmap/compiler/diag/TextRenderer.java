package io.fmap.compiler.diag;

import java.util.List;
import java.util.Optional;

/**
 * The human format, after rustc and Elm: the user's own line, a caret under the span, one
 * sentence of what is wrong and one line of help. Colour only when asked for (the CLI asks
 * when writing to a terminal).
 *
 * <pre>
 * error[FM1004]: missing `=` between the field and its value
 *   --> company.fmap:3:8
 *    |
 *  3 |   name trim
 *    |        ^^^^ expected `=` here
 *    = help: write the assignment as `field = expression`
 * </pre>
 */
public final class TextRenderer implements DiagnosticRenderer {

  private static final int TAB_WIDTH = 4;
  /** Lines longer than this are cut around the span, so a 1 MB line does not flood the terminal. */
  private static final int MAX_SHOWN = 120;

  private final boolean colour;

  public TextRenderer(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String render(List<Diagnostic> diagnostics, SourceLookup sources) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : Diagnostics.sorted(diagnostics)) {
      renderOne(out, d, sources);
      out.append('\n');
    }
    return out.toString();
  }

  private void renderOne(StringBuilder out, Diagnostic d, SourceLookup sources) {
    String gutter = " ".repeat(Integer.toString(maxLine(d)).length());
    out.append(paint(severityColour(d.severity()), d.severity().word() + "[" + d.code().id() + "]"))
        .append(paint("1", ": " + d.message())).append('\n');
    out.append(gutter).append(paint("34", "--> ")).append(d.span().location()).append('\n');
    Optional<String> text = sources.text(d.span().file());
    if (text.isPresent()) {
      out.append(gutter).append(paint("34", " |")).append('\n');
      snippet(out, gutter, text.get(), d.span(), '^', d.label(), severityColour(d.severity()));
      for (Label label : d.labels()) {
        if (label.span().file().equals(d.span().file())) {
          snippet(out, gutter, text.get(), label.span(), '-', label.message(), "34");
        }
      }
    }
    for (String note : d.notes()) {
      out.append(gutter).append(paint("34", " = ")).append(paint("1", "note")).append(": ").append(note).append('\n');
    }
    d.help().ifPresent(help ->
        out.append(gutter).append(paint("34", " = ")).append(paint("1", "help")).append(": ").append(help).append('\n'));
    d.suggestion().ifPresent(s -> out.append(gutter).append(paint("34", " = ")).append(paint("1", "suggestion"))
        .append(": replace with `").append(s.replacement()).append("`\n"));
  }

  private static int maxLine(Diagnostic d) {
    int max = d.span().startLine();
    for (Label label : d.labels()) max = Math.max(max, label.span().startLine());
    return max;
  }

  /** One source line with its number and an underline; spans over several lines underline to the line's end. */
  private void snippet(StringBuilder out, String gutter, String text, Span span, char mark, String message, String markColour) {
    int[] line = lineAt(text, span.startLine());
    int from = span.startColumn() - 1;
    int to = span.endLine() == span.startLine() ? span.endColumn() - 1 : line.length;
    from = Math.min(from, line.length);
    to = Math.max(from + 1, Math.min(to, Math.max(line.length, from + 1)));
    int windowStart = 0;
    int windowEnd = line.length;
    if (line.length > MAX_SHOWN) {
      windowStart = Math.max(0, Math.min(from - MAX_SHOWN / 2, line.length - MAX_SHOWN));
      windowEnd = Math.min(line.length, windowStart + MAX_SHOWN);
    }
    StringBuilder shown = new StringBuilder(windowStart > 0 ? "..." : "");
    StringBuilder under = new StringBuilder(windowStart > 0 ? "   " : "");
    for (int i = windowStart; i < windowEnd; i++) {
      String glyph = glyph(line[i]);
      shown.append(glyph);
      char u = i >= from && i < to ? mark : ' ';
      under.append(String.valueOf(u).repeat(glyph.length()));
    }
    if (windowEnd < line.length) shown.append("...");
    for (int i = Math.max(windowEnd, windowStart); i < to && under.length() < MAX_SHOWN + 8; i++) under.append(mark);
    String number = Integer.toString(span.startLine());
    out.append(" ".repeat(gutter.length() - number.length())).append(paint("34", number + " | "))
        .append(shown).append('\n');
    String marks = under.toString().stripTrailing();
    out.append(gutter).append(paint("34", " | ")).append(paint(markColour, marks + (message.isEmpty() ? "" : " " + message)))
        .append('\n');
  }

  /** What a code point looks like on screen: tabs as spaces, control bytes as a visible mark. */
  private static String glyph(int codePoint) {
    if (codePoint == '\t') return " ".repeat(TAB_WIDTH);
    if (codePoint < 0x20 || codePoint == 0x7f || codePoint == 0xFEFF) return "\uFFFD";
    return new String(Character.toChars(codePoint));
  }

  /** The code points of one line (1-based), without its line break; empty past the end of the text. */
  static int[] lineAt(String text, int lineNumber) {
    int start = 0;
    for (int n = 1; n < lineNumber; n++) {
      int next = text.indexOf('\n', start);
      if (next < 0) return new int[0];
      start = next + 1;
    }
    int end = text.indexOf('\n', start);
    if (end < 0) end = text.length();
    if (end > start && text.charAt(end - 1) == '\r') end--;
    return text.substring(start, end).codePoints().toArray();
  }

  private static String severityColour(Severity severity) {
    return switch (severity) {
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case NOTE -> "1;36";
    };
  }

  private String paint(String ansi, String text) {
    return colour ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
  }
}
