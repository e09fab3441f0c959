package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * How the demo runs its steps: each verb through {@link Fmap#commandLine()} with its output captured
 * and kept in a log file of the project (the command line first, so a person can see exactly what
 * ran), one printed line per step, and a stop at the first step that failed.
 */
final class DemoVerbs {
  /** Where the demo keeps each verb's full output, inside the project (ignored by git with the ledger). */
  static final String LOGS = ".fmap/demo";

  /** The step that stopped the demo. */
  static final class Stopped extends Exception {
    private final DemoStep step;

    Stopped(DemoStep step) {
      super(step.name() + ": " + step.detail());
      this.step = step;
    }

    DemoStep step() {
      return step;
    }
  }

  /** What a verb printed and how it exited. */
  record Verb(int exit, String out, String err) {
    JsonNode json() {
      try {
        JsonNode node = new ObjectMapper().readTree(out);
        return node == null ? MissingNode.getInstance() : node;
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }

    /**
     * The verb's own account of why it stopped: its error lines; else the first line of its standard
     * error (a usage mistake's message, before the usage text); else the last line it printed.
     */
    String failure() {
      List<String> errors = (err + out).lines().filter(l -> l.startsWith("error")).toList();
      if (!errors.isEmpty()) return String.join("; ", errors);
      List<String> stderr = err.lines().filter(l -> !l.isBlank()).toList();
      if (!stderr.isEmpty()) return stderr.get(0).strip();
      List<String> stdout = out.lines().filter(l -> !l.isBlank()).toList();
      return stdout.isEmpty() ? "exit code " + exit + " without a message" : stdout.get(stdout.size() - 1).strip();
    }
  }

  private final Path project;
  private final PrintWriter progress;
  private final int total;
  private final List<DemoStep> steps = new ArrayList<>();
  /** A step's time runs from the end of the one before, so whatever the demo does for it is counted. */
  private long stepStarted = System.nanoTime();

  DemoVerbs(Path project, PrintWriter progress, int total) {
    this.project = project;
    this.progress = progress;
    this.total = total;
  }

  List<DemoStep> steps() {
    return List.copyOf(steps);
  }

  /** Runs {@code fmap ARGS} in this process and logs it as the next step's output. */
  Verb fmap(String step, String... args) throws IOException {
    return run(step, false, args);
  }

  /** As {@link #fmap}, and the verb's progress lines (its standard error) are shown as it runs, indented. */
  Verb live(String step, String... args) throws IOException {
    return run(step, true, args);
  }

  private Verb run(String step, boolean live, String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Fmap.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(live ? new Indented(err, progress) : err, true));
    int exit = cli.execute(args);
    Verb verb = new Verb(exit, out.toString(), err.toString());
    log(step, "$ fmap " + String.join(" ", Arrays.asList(args)) + "\n" + verb.out() + verb.err() + "exit " + exit + "\n");
    return verb;
  }

  /** Writes everything to {@code log}, and to {@code shown} with each line indented under the step lines. */
  private static final class Indented extends Writer {
    private static final String INDENT = "        ";
    private final Writer log;
    private final Writer shown;
    private boolean lineStart = true;

    Indented(Writer log, Writer shown) {
      this.log = log;
      this.shown = shown;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      log.write(chars, offset, length);
      for (int i = offset; i < offset + length; i++) {
        if (lineStart) shown.write(INDENT);
        shown.write(chars[i]);
        lineStart = chars[i] == '\n';
      }
    }

    @Override
    public void flush() throws IOException {
      log.flush();
      shown.flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Keeps a step's full output; the file is named by its position so the folder reads in order. */
  Path log(String step, String text) throws IOException {
    Path file = project.resolve(LOGS).resolve(String.format("%02d-%s.log", steps.size() + 1, step.replace(' ', '-')));
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Records a verb's step: its exit code says the outcome, {@code detail} reads its key numbers when it
   * ran; when it failed, its error and its output's lines are printed and the demo stops.
   */
  DemoStep verbStep(String name, Verb verb, boolean findingsAllowed, Function<Verb, String> detail)
      throws Stopped {
    DemoStep.Outcome outcome = DemoStep.outcome(verb.exit(), findingsAllowed);
    if (outcome == DemoStep.Outcome.FAILED) {
      return step(name, outcome, verb.exit(), verb.failure() + " (full output in " + LOGS + "/)");
    }
    return step(name, outcome, verb.exit(), detail.apply(verb));
  }

  /** Records and prints a step; a failed one stops the demo. */
  DemoStep step(String name, DemoStep.Outcome outcome, int exitCode, String detail) throws Stopped {
    long now = System.nanoTime();
    DemoStep step = new DemoStep(name, outcome, exitCode, detail, Duration.ofNanos(now - stepStarted));
    stepStarted = now;
    steps.add(step);
    progress.println(step.line(steps.size(), total));
    progress.flush();
    if (outcome == DemoStep.Outcome.FAILED) throw new Stopped(step);
    return step;
  }
}
