package io.fmap.cli;

import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticRenderer;
import io.fmap.compiler.diag.SourceLookup;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** How a verb prints findings: the options every verb that reports diagnostics shares. */
final class DiagnosticOptions {

  @Option(names = {"--format", "--message-format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "How to print findings: text (with the source line and a caret), gnu (one line each: "
          + "path:line:col: error[FM1001]: message) or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the text format: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
  String color;

  @Option(names = "--verbose", description = "Show a stack trace if fmap itself fails.")
  boolean verbose;

  /** Validates the options; a wrong value is a usage error naming the allowed ones. */
  DiagnosticRenderer renderer(picocli.CommandLine commandLine) {
    if (!List.of("text", "gnu", "json").contains(format)) {
      throw new picocli.CommandLine.ParameterException(commandLine,
          "Unknown --format '" + format + "': use text, gnu or json.");
    }
    if (!List.of("auto", "always", "never").contains(color)) {
      throw new picocli.CommandLine.ParameterException(commandLine,
          "Unknown --color '" + color + "': use auto, always or never.");
    }
    boolean colour = color.equals("always")
        || (color.equals("auto") && System.console() != null && System.getenv("NO_COLOR") == null);
    return DiagnosticRenderer.forFormat(format, colour);
  }

  boolean isText() {
    return format.equals("text");
  }

  void print(PrintWriter out, DiagnosticRenderer renderer, List<Diagnostic> diagnostics, SourceLookup sources) {
    if (!diagnostics.isEmpty() || format.equals("json")) out.print(renderer.render(diagnostics, sources));
    out.flush();
  }
}
