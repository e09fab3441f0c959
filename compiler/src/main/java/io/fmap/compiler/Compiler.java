package io.fmap.compiler;

import io.fmap.compiler.ast.SourceFile;
import io.fmap.compiler.check.Checker;
import io.fmap.compiler.check.FunctionTable;
import io.fmap.compiler.check.ProjectConfig;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.Diagnostics;
import io.fmap.compiler.parse.FmapParser;
import io.fmap.compiler.parse.ParseResult;
import io.fmap.runtime.functions.Std;
import io.fmap.schema.SystemSchema;
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
    for (Project.FmapSource source : project.files()) {
      ParseResult parsed = FmapParser.parse(source.path(), source.text());
      diagnostics.addAll(parsed.diagnostics());
      files.add(parsed.file());
    }
    return check(files, diagnostics, project.source(), project.target(), project.config());
  }

  /**
   * Checks files parsed elsewhere ({@link Compilation} follows imports and reports unreadable files):
   * {@code loading} holds the findings of that step; any error among them stops before checking.
   */
  public static CheckResult check(List<SourceFile> files, List<Diagnostic> loading, SystemSchema source,
                                  SystemSchema target, ProjectConfig config) {
    List<Diagnostic> diagnostics = new ArrayList<>(loading);
    if (Diagnostics.hasErrors(loading)) return new CheckResult(diagnostics, Optional.empty());
    CheckResult checked = Checker.check(files, source, target, config, FUNCTIONS);
    diagnostics.addAll(checked.diagnostics());
    return new CheckResult(diagnostics, checked.program());
  }
}
