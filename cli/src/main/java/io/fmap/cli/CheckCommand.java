package io.fmap.cli;

import io.fmap.compiler.Compilation;
import io.fmap.compiler.diag.DiagnosticRenderer;
import io.fmap.compiler.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmap check}: read every .fmap file under the paths and report what is wrong. */
@Command(name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Check .fmap mapping files and report every problem with its file, line and a hint.",
        "Exit code 0 when there are no errors, 1 when there are, 2 for a usage mistake."},
    footer = {"", "Examples:",
        "  fmap check stdlib-mappings           every .fmap file under a folder",
        "  fmap check deal.fmap --format gnu    one line per finding (editors, CI)"})
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders (searched recursively) or .fmap files.")
  List<Path> paths;

  @Mixin DiagnosticOptions output;

  @Override
  public Integer call() throws Exception {
    DiagnosticRenderer renderer = output.renderer(spec.commandLine());
    List<Path> inputs = PathArguments.existing(spec.commandLine(), paths, "fmap check stdlib-mappings");
    Compilation compilation = Compilation.load(inputs);
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, renderer, compilation.diagnostics(), compilation.sources());
    if (output.isText()) {
      int files = compilation.files().size();
      out.println("checked " + files + (files == 1 ? " file: " : " files: ") + Diagnostics.summary(compilation.diagnostics()));
      out.flush();
    }
    return compilation.hasErrors() ? Fmap.FINDINGS : Fmap.OK;
  }
}
