package io.fmap.cli;

import io.fmap.compiler.SourceFiles;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticRenderer;
import io.fmap.compiler.diag.SourceLookup;
import io.fmap.compiler.fmt.FormatOutcome;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmap fmt}: rewrite .fmap files in the one canonical layout, or with --check list those that differ. */
@Command(name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
        "Rewrite .fmap files in canonical layout, keeping every comment.",
        "",
        "Formatting never changes meaning. Files with syntax errors are left alone and",
        "their errors printed. With --check nothing is written: files that would change",
        "are listed and the exit code is 1."},
    footer = {"", "Examples:",
        "  fmap fmt mappings            format every .fmap file under a folder in place",
        "  fmap fmt --check mappings    in CI: fail if any file is not formatted"})
public final class FmtCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders (searched recursively) or .fmap files.")
  List<Path> paths;

  @Option(names = "--check", description = "Write nothing; list the files that are not formatted and exit 1 if there are any.")
  boolean check;

  @Mixin DiagnosticOptions output;

  @Override
  public Integer call() throws Exception {
    DiagnosticRenderer renderer = output.renderer(spec.commandLine());
    List<Path> inputs = PathArguments.existing(spec.commandLine(), paths, "fmap fmt mappings");
    PrintWriter out = spec.commandLine().getOut();
    List<Diagnostic> findings = new ArrayList<>();
    Map<String, String> texts = new HashMap<>();
    int changed = 0;
    int refusedFiles = 0;
    int files = 0;
    for (Path file : SourceFiles.discover(inputs)) {
      files++;
      String name = SourceFiles.displayName(file);
      SourceFiles.Read read = SourceFiles.read(file);
      if (read instanceof SourceFiles.Unreadable u) {
        findings.add(u.diagnostic());
        continue;
      }
      String text = ((SourceFiles.Text) read).text();
      FormatOutcome outcome = FormatOutcome.of(name, text);
      if (outcome instanceof FormatOutcome.Refused refused) {
        findings.addAll(refused.diagnostics());
        texts.put(name, text);
        refusedFiles++;
      } else if (outcome instanceof FormatOutcome.Changed c) {
        changed++;
        if (check) {
          out.println("would reformat " + name);
        } else {
          Files.writeString(file, c.text(), StandardCharsets.UTF_8);
          out.println("formatted " + name);
        }
      }
    }
    output.print(out, renderer, findings, SourceLookup.of(texts));
    if (output.isText()) {
      out.println(files + (files == 1 ? " file, " : " files, ") + changed
          + (check ? " not formatted" : " reformatted") + (refusedFiles == 0 ? "" : ", " + refusedFiles + " left alone because of errors"));
    }
    out.flush();
    boolean failed = findings.stream().anyMatch(Diagnostic::isError) || (check && changed > 0);
    return failed ? Fmap.FINDINGS : Fmap.OK;
  }
}
