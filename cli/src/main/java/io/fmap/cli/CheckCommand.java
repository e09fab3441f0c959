package io.fmap.cli;

import io.fmap.compiler.Compilation;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.check.ProjectConfig;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticRenderer;
import io.fmap.compiler.diag.Diagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmap check}: read every .fmap file under the paths and report what is wrong. */
@Command(name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Check .fmap mapping files and report every problem found.",
        "",
        "Each problem comes with its file, line and a hint. Files that parse are checked",
        "against both schemas: the project's schemas/spark.json and schemas/dynamics.json",
        "(the nearest folder holding fmap.yaml or schemas/), else the standard mapping",
        "set's. Params and settings come from that folder's fmap.yaml.",
        "Exit code 0 when there are no errors, 1 when there are, 2 for a usage mistake."},
    footer = {"", "Examples:",
        "  fmap check stdlib-mappings              every .fmap file under a folder",
        "  fmap check deal.fmap --format gnu       one line per finding (editors, CI)",
        "  fmap check . --param lead_idle_days=30  check with a param set for this run"})
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders (searched recursively) or .fmap files.")
  List<Path> paths;

  @Mixin DiagnosticOptions output;

  @Option(names = "--param", paramLabel = "NAME=VALUE", mapFallbackValue = "",
      description = "Give a param a value for this run; wins over fmap.yaml's `params:`.")
  Map<String, String> params = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    DiagnosticRenderer renderer = output.renderer(spec.commandLine());
    List<Path> inputs = PathArguments.existing(spec.commandLine(), paths, "fmap check stdlib-mappings");
    Compilation compilation = Compilation.load(inputs);
    List<Diagnostic> findings = checked(compilation, ProjectLoader.findRoot(inputs.get(0)), params);
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, renderer, findings, compilation.sources());
    if (output.isText()) {
      int files = compilation.files().size();
      out.println("checked " + files + (files == 1 ? " file: " : " files: ") + Diagnostics.summary(findings));
      out.flush();
    }
    return Diagnostics.hasErrors(findings) ? Fmap.FINDINGS : Fmap.OK;
  }

  /** Syntax and loading findings, plus the checker's when the project's schemas can be found. */
  private static List<Diagnostic> checked(Compilation compilation, Path root, Map<String, String> params)
      throws IOException {
    Optional<ProjectLoader.Schemas> schemas = ProjectLoader.schemas(root);
    if (schemas.isEmpty()) return compilation.diagnostics();
    ProjectConfig config = ProjectLoader.config(root);
    Map<String, String> values = new TreeMap<>(config.params());
    values.putAll(params);
    return Compiler.check(compilation.files(), compilation.diagnostics(), schemas.get().source(),
        schemas.get().target(), config.withParams(values)).diagnostics();
  }
}
