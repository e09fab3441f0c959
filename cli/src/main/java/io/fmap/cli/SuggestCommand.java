package io.fmap.cli;

import io.fmap.compiler.Project;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.ast.SourceFile;
import io.fmap.compiler.parse.FmapParser;
import io.fmap.compiler.parse.ParseResult;
import io.fmap.compiler.suggest.DraftWriter;
import io.fmap.compiler.suggest.MappingSuggester;
import io.fmap.compiler.suggest.SampleProfiles;
import io.fmap.compiler.suggest.Suggestion;
import io.fmap.compiler.suggest.ValueProfile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fmap suggest}: a draft mapping for the source fields the project does not map yet. */
@Command(name = "suggest",
    mixinStandardHelpOptions = true,
    description = {
        "Propose Dynamics targets for Spark fields no mapping reads yet.",
        "",
        "It proposes tables and columns for the unmapped Spark objects and fields by",
        "name (edit distance, words, CRM synonyms such as company/account), type and,",
        "with --sample-dir, what sample values look like. Writes a draft .fmap with a",
        "confidence and a reason on every line. Existing mapping files are never",
        "changed; the draft runs only after a person edits it and moves it into the",
        "project."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the draft was printed or written",
        "1:the project could not be read",
        "2:usage: syntax errors in the mappings, or --out exists"},
    footer = {"", "Examples:",
        "  # print the draft for the project in this folder",
        "  fmap suggest",
        "  # draft from sample values too, into a file",
        "  fmap suggest --project acme --sample-dir acme/spark-export \\",
        "      --out acme/draft/suggested.fmap"})
public final class SuggestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "The project folder (default: here).")
  Path project;

  @Option(names = "--sample-dir", paramLabel = "EXPORT",
      description = "A Spark export folder whose records are profiled (emails, phones, dates, picklist values).")
  Path sampleDir;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the draft to FILE instead of the terminal; FILE must not exist.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(project)) {
      throw new ParameterException(spec.commandLine(), project + " is not a folder; give the project with --project DIR");
    }
    if (sampleDir != null && !Files.isDirectory(sampleDir)) {
      throw new ParameterException(spec.commandLine(), sampleDir + " is not a folder; --sample-dir takes a Spark export folder");
    }
    if (out != null && Files.exists(out)) {
      throw new ParameterException(spec.commandLine(), out + " exists already; suggest never overwrites a file:"
          + " pick another --out or move the old draft away");
    }
    Project loaded = ProjectLoader.load(project);
    List<SourceFile> mappings = new ArrayList<>();
    for (Project.FmapSource f : loaded.files()) {
      ParseResult parsed = FmapParser.parse(f.path(), f.text());
      if (!parsed.diagnostics().isEmpty()) {
        throw new ParameterException(spec.commandLine(), f.path() + " has syntax errors; run fmap check "
            + project + " and fix them first, so suggest knows what is mapped already");
      }
      mappings.add(parsed.file());
    }
    Map<String, Map<String, ValueProfile>> profiles = sampleDir == null ? Map.of()
        : SampleProfiles.read(sampleDir, loaded.source());
    List<Suggestion> suggestions = new MappingSuggester(loaded.source(), loaded.target(), mappings, profiles).suggest();
    String draft = DraftWriter.write(suggestions);
    PrintWriter terminal = spec.commandLine().getOut();
    if (out == null) {
      terminal.print(draft);
    } else {
      if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, draft, StandardCharsets.UTF_8);
      terminal.println("wrote " + suggestions.size() + " suggestion(s) to " + out + "; review and edit it before"
          + " moving it into the project's mappings");
    }
    terminal.flush();
    return Fmap.OK;
  }
}
