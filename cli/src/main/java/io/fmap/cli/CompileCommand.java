package io.fmap.cli;

import io.fmap.compiler.emit.GeneratedSource;
import io.fmap.compiler.emit.ProjectCompiler;
import io.fmap.compiler.plan.ProjectPlan;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmap compile}: generate and compile the Java a project runs as, optionally writing it out. */
@Command(name = "compile",
    mixinStandardHelpOptions = true,
    description = {
        "Check a project, generate its Java and compile it in memory.",
        "",
        "It generates one class per map and one router per source object. Compiled",
        "classes are cached under DIR/.fmap/classes by a hash of the generated sources.",
        "--emit-java writes the sources for inspection.",
        "Exit code 0 when it compiles, 1 when the project has errors, 2 for a usage",
        "mistake."},
    footer = {"", "Examples:",
        "  # write the generated sources",
        "  fmap compile stdlib-mappings --emit-java /tmp/gen",
        "  # check that the project compiles",
        "  fmap compile ."})
public final class CompileCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".",
      description = "The project folder; default: the current folder.")
  Path dir;

  @Option(names = "--emit-java", paramLabel = "OUT", description = "Write the generated .java files under OUT.")
  Path emitJava;

  @Option(names = "--cache-dir", paramLabel = "CACHE", description = "Where compiled classes are cached (default DIR/.fmap/classes).")
  Path cacheDir;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "No such project folder: " + dir + " (e.g. fmap compile stdlib-mappings)");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    ProjectPlan plan = ProjectPlan.load(dir);
    java.util.Optional<ProjectPlan.Planned> checked = ProjectSources.plannedOrReport(plan, stderr,
        "nothing compiled: fix the errors above, then run fmap compile again");
    if (checked.isEmpty()) return Fmap.FINDINGS;
    ProjectPlan.Planned planned = checked.get();
    Path cache = cacheDir != null ? cacheDir : ProjectCompiler.defaultCacheDir(dir);
    ProjectCompiler.Compiled compiled = ProjectCompiler.compile(planned.program(), planned.lock().planHash(), cache);
    if (emitJava != null) {
      for (GeneratedSource source : compiled.emitted().sources()) {
        Path file = emitJava.resolve(source.relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.code(), StandardCharsets.UTF_8);
      }
    }
    if (compiled.compilation().cacheProblem() != null) stderr.println("warning: " + compiled.compilation().cacheProblem());
    int classes = compiled.emitted().sources().size();
    stdout.println("compiled " + compiled.emitted().mapClasses().size() + " maps and "
        + compiled.emitted().routerClasses().size() + " routers (" + classes + " classes"
        + (compiled.compilation().fromCache() ? ", from the cache" : "") + ")"
        + (emitJava == null ? "" : "; sources in " + emitJava)
        + "; plan " + planned.lock().planHash());
    stdout.flush();
    stderr.flush();
    return Fmap.OK;
  }
}
