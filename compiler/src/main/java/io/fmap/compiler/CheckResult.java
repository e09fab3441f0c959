package io.fmap.compiler;

import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.Diagnostics;
import io.fmap.compiler.ir.Program;
import java.util.List;
import java.util.Optional;

/**
 * What checking a project gives: every finding in reading order, and the typed program when no
 * finding is an error (warnings and notes do not stop code generation).
 */
public record CheckResult(List<Diagnostic> diagnostics, Optional<Program> program) {
  public CheckResult {
    diagnostics = Diagnostics.sorted(diagnostics);
  }

  public boolean hasErrors() {
    return Diagnostics.hasErrors(diagnostics);
  }
}
