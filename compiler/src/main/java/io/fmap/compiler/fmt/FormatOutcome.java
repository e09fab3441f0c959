package io.fmap.compiler.fmt;

import io.fmap.compiler.ast.AstEquivalence;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.parse.FmapParser;
import io.fmap.compiler.parse.ParseResult;
import java.util.List;

/** What formatting one file comes to: already canonical, a new text, or findings that stop it. */
public sealed interface FormatOutcome permits FormatOutcome.Unchanged, FormatOutcome.Changed, FormatOutcome.Refused {

  record Unchanged() implements FormatOutcome {}

  record Changed(String text) implements FormatOutcome {}

  /** A file with syntax errors is never rewritten: its meaning is not known. */
  record Refused(List<Diagnostic> diagnostics) implements FormatOutcome {}

  /**
   * Formats a file's text, keeping its line-break style (CRLF stays CRLF). The result is parsed
   * again and compared with the original tree, so a formatter bug can never change a mapping.
   */
  static FormatOutcome of(String fileName, String text) {
    ParseResult parsed = FmapParser.parse(fileName, text);
    if (parsed.hasErrors()) return new Refused(parsed.diagnostics());
    String formatted = Formatter.format(parsed.file());
    ParseResult again = FmapParser.parse(fileName, formatted);
    if (again.hasErrors() || !AstEquivalence.equivalent(parsed.file(), again.file())) {
      return new Refused(List.of(Diagnostic.of(DiagnosticCode.FORMATTER_FAILED, Span.startOf(fileName),
              "fmt would change the meaning of this file, so it left the file as it was")
          .withHelp("this is a bug in fmap; please report it with the file attached")));
    }
    if (text.contains("\r\n")) formatted = formatted.replace("\n", "\r\n");
    return formatted.equals(text) ? new Unchanged() : new Changed(formatted);
  }
}
