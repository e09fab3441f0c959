package io.fmap.compiler.diag;

import java.util.List;

/**
 * A JSON array of findings with a fixed field order, so tools and golden files can rely on
 * the bytes. Absent optional fields are {@code null}, never left out.
 */
public final class JsonRenderer implements DiagnosticRenderer {

  @Override
  public String render(List<Diagnostic> diagnostics, SourceLookup sources) {
    StringBuilder out = new StringBuilder("[");
    List<Diagnostic> sorted = Diagnostics.sorted(diagnostics);
    for (int i = 0; i < sorted.size(); i++) {
      out.append(i == 0 ? "\n  " : ",\n  ");
      diagnostic(out, sorted.get(i));
    }
    return out.append(sorted.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  private static void diagnostic(StringBuilder out, Diagnostic d) {
    out.append("{\"code\": ").append(string(d.code().id()))
        .append(", \"severity\": ").append(string(d.severity().word()))
        .append(", \"message\": ").append(string(d.message()))
        .append(", \"file\": ").append(string(d.span().file()))
        .append(", \"span\": ");
    span(out, d.span());
    out.append(", \"label\": ").append(string(d.label()))
        .append(", \"help\": ").append(d.help().map(JsonRenderer::string).orElse("null"))
        .append(", \"notes\": [");
    for (int i = 0; i < d.notes().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(string(d.notes().get(i)));
    }
    out.append("], \"labels\": [");
    for (int i = 0; i < d.labels().size(); i++) {
      Label label = d.labels().get(i);
      out.append(i == 0 ? "" : ", ").append("{\"span\": ");
      span(out, label.span());
      out.append(", \"message\": ").append(string(label.message())).append('}');
    }
    out.append("], \"suggestion\": ");
    if (d.suggestion().isPresent()) {
      out.append("{\"span\": ");
      span(out, d.suggestion().get().span());
      out.append(", \"replacement\": ").append(string(d.suggestion().get().replacement())).append('}');
    } else {
      out.append("null");
    }
    out.append('}');
  }

  private static void span(StringBuilder out, Span s) {
    out.append("{\"startLine\": ").append(s.startLine())
        .append(", \"startColumn\": ").append(s.startColumn())
        .append(", \"endLine\": ").append(s.endLine())
        .append(", \"endColumn\": ").append(s.endColumn())
        .append(", \"startOffset\": ").append(s.startOffset())
        .append(", \"endOffset\": ").append(s.endOffset()).append('}');
  }

  static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
