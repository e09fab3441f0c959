package io.fmap.compiler;

import io.fmap.compiler.ast.SourceFile;
import io.fmap.compiler.check.Checker;
import io.fmap.compiler.check.FunctionTable;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.parse.FmapParser;
import io.fmap.compiler.parse.ParseResult;
import io.fmap.runtime.functions.Std;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The compiler's front door: parse and check a project into a typed program. */
public final class Compiler {
  /** The functions a mapping may call are exactly the standard library's public static methods. */
  public static final FunctionTable FUNCTIONS = FunctionTable.of(Std.class);

  private Compiler() {}

  /**
   * Parses every file and, when none has a syntax error, checks them against both schemas. Syntax
   * errors stop here: checking half-parsed files would report names that are only missing because a
   * declaration did not parse.
   */
  public static CheckResult check(Project project) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    boolean syntaxErrors = false;
    for (Project.FmapSource source : project.files()) {
      ParseResult parsed = FmapParser.parse(source.path(), source.text());
      diagnostics.addAll(parsed.diagnostics());
      syntaxErrors |= parsed.hasErrors();
      files.add(parsed.file());
    }
    if (syntaxErrors) return new CheckResult(diagnostics, Optional.empty());
    CheckResult checked = Checker.check(files, project.source(), project.target(), project.config(), FUNCTIONS);
    diagnostics.addAll(checked.diagnostics());
    return new CheckResult(diagnostics, checked.program());
  }
}
