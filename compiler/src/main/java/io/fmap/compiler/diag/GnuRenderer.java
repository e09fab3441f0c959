package io.fmap.compiler.diag;

import java.util.List;

/** {@code path:line:col: error[FM1001]: message}, one line each, for editors and CI annotations. */
public final class GnuRenderer implements DiagnosticRenderer {

  @Override
  public String render(List<Diagnostic> diagnostics, SourceLookup sources) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : Diagnostics.sorted(diagnostics)) {
      out.append(d.span().location()).append(": ").append(d.severity().word())
          .append('[').append(d.code().id()).append("]: ").append(oneLine(d.message())).append('\n');
    }
    return out.toString();
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}
