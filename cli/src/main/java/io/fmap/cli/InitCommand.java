package io.fmap.cli;

import io.fmap.compiler.StandardSet;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmap init}: a new project folder a person can check, edit and commit straight away. */
@Command(name = "init",
    mixinStandardHelpOptions = true,
    description = {
        "Create a new fmap project in a new or empty folder.",
        "",
        "It holds a commented fmap.yaml, mappings/ (the standard set, or none), schemas/",
        "(the pinned Spark and Dynamics schemas), .gitignore and a README.",
        "The folder must not exist yet or be empty: init never overwrites anything."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the project was created",
        "1:a file could not be written",
        "2:usage: the folder exists and is not empty"},
    footer = {"", "Examples:",
        "  fmap init acme-migration               start from the standard mappings",
        "  fmap init acme-migration --from empty  no mappings yet (try fmap suggest next)"})
public final class InitCommand implements Callable<Integer> {

  /** What the new project's mappings/ starts with. */
  enum From { stdlib, empty }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The project folder to create (must be missing or empty).")
  Path dir;

  @Option(names = "--from", paramLabel = "stdlib|empty", defaultValue = "stdlib",
      description = "Start mappings/ from the standard set (default) or empty.")
  From from;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
      throw new ParameterException(spec.commandLine(), dir + " already exists and is not an empty folder;"
          + " init never overwrites files: pick a new folder name, e.g. fmap init " + dir + "-new");
    }
    Files.createDirectories(dir.resolve("mappings"));
    Files.createDirectories(dir.resolve("schemas"));
    write("fmap.yaml", ProjectTemplate.fmapYaml(from == From.stdlib));
    write(".gitignore", ProjectTemplate.GITIGNORE);
    write("README.md", ProjectTemplate.readme(dir.toAbsolutePath().normalize().getFileName().toString()));
    for (Map.Entry<String, String> s : StandardSet.schemas().entrySet()) write("schemas/" + s.getKey(), s.getValue());
    int mappings = 0;
    if (from == From.stdlib) {
      for (Map.Entry<String, String> m : StandardSet.mappings().entrySet()) {
        write("mappings/" + m.getKey(), m.getValue());
        mappings++;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("created " + dir + " with " + mappings + " mapping file(s) and the pinned schemas");
    out.println("next: cd " + dir + " && fmap check .");
    out.flush();
    return Fmap.OK;
  }

  private void write(String name, String text) throws java.io.IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static boolean isEmpty(Path folder) throws java.io.IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
