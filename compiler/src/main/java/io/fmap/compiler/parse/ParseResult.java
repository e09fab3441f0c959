package io.fmap.compiler.parse;

import io.fmap.compiler.ast.SourceFile;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.Diagnostics;
import java.util.List;

/**
 * What parsing one file gives: the tree of every declaration that parsed completely, and the
 * syntax findings in reading order.
 */
public record ParseResult(SourceFile file, List<Diagnostic> diagnostics) {

  public ParseResult {
    diagnostics = Diagnostics.sorted(diagnostics);
  }

  public boolean hasErrors() {
    return Diagnostics.hasErrors(diagnostics);
  }
}
