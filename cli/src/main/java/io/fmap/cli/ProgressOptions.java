package io.fmap.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --quiet} for the long data verbs, and the choice of progress display it leads to: redrawn
 * lines on an interactive terminal, a plain line a minute in a log or with {@code --json} (whose
 * result on standard output must stay one clean JSON document; progress goes to standard error).
 */
final class ProgressOptions {
  @Option(names = {"-q", "--quiet"}, description = "print no progress while it runs (the result is still printed)")
  boolean quiet;

  ProgressDisplay open(String verb, PrintWriter err, boolean json) {
    ProgressRenderer.Mode mode = quiet ? ProgressRenderer.Mode.QUIET
        : System.console() != null && !json ? ProgressRenderer.Mode.TTY : ProgressRenderer.Mode.PLAIN;
    return ProgressDisplay.start(verb, err, mode);
  }
}
