package io.fmap.cli;

import io.fmap.emulator.generate.SampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmap generate}: writes a deterministic Spark export to play with or test against. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Write a deterministic Spark CRM export (sample data) to a folder.",
        "",
        "The same --seed and --size always give the same bytes. Every awkward case of a",
        "real migration is in it: parent cycles, missing and shared owner emails, hostile",
        "file names, HTML with scripts, non-Latin text, values over the Dynamics limits."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the export was written",
        "1:the folder could not be written",
        "2:usage: a bad option or value"},
    footer = {"", "Examples:",
        "  fmap generate --size 500 --seed 1 --out /tmp/spark-export",
        "  # also write the 128 MB file",
        "  fmap generate --size 1000000 --seed 7 --out big --large-files"})
public final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--size", description = "about how many records in all (at least 100; default ${DEFAULT-VALUE})",
      defaultValue = "500")
  int size;

  @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})", defaultValue = "1")
  long seed;

  @Option(names = "--out", required = true, description = "folder to write; must be empty or absent")
  Path out;

  @Option(names = "--large-files", description = "also write the body of the file over 128 MB (otherwise the emulator makes it on demand)")
  boolean largeFiles;

  @Override
  public Integer call() throws IOException {
    if (size < 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--size must be at least 100, was " + size);
    }
    if (Files.isDirectory(out)) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              out + " is not empty: choose a new folder, or delete this one first");
        }
      }
    } else if (Files.exists(out)) {
      throw new CommandLine.ParameterException(spec.commandLine(), out + " is a file, not a folder");
    }
    long started = System.nanoTime();
    SampleGenerator.Result result = new SampleGenerator(seed, size).writeTo(out, largeFiles);
    long millis = (System.nanoTime() - started) / 1_000_000;
    var w = spec.commandLine().getOut();
    result.counts().forEach((collection, n) -> w.printf("  %-11s %,10d%n", collection, n));
    w.printf("wrote %,d records to %s in %,d ms (seed %d)%n", result.total(), out, millis, seed);
    if (!largeFiles) w.println("  the 128 MB body of " + SampleGenerator.LARGE_FILE_ID + " is not on disk; fmap emulate spark serves it");
    w.flush();
    return Fmap.OK;
  }
}
