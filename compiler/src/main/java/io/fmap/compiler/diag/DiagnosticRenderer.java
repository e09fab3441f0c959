package io.fmap.compiler.diag;

import java.util.List;

/** Turns findings into one of the output formats; the list is rendered in reading order. */
public interface DiagnosticRenderer {

  String render(List<Diagnostic> diagnostics, SourceLookup sources);

  /** The renderer for a {@code --format} value: text, gnu or json. */
  static DiagnosticRenderer forFormat(String format, boolean colour) {
    return switch (format) {
      case "text" -> new TextRenderer(colour);
      case "gnu" -> new GnuRenderer();
      case "json" -> new JsonRenderer();
      default -> throw new IllegalArgumentException("unknown format '" + format + "'; use text, gnu or json");
    };
  }
}
