package io.fmap.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * Turns an exception escaping a verb into one line a person can act on and exit code 1.
 * A stack trace is a bug, so it is shown only with {@code --verbose} (or FMAP_VERBOSE=1).
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    boolean verbose = "1".equals(System.getenv("FMAP_VERBOSE"))
        || Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cmd.getErr().println("error: " + what);
    if (verbose) {
      e.printStackTrace(cmd.getErr());
    } else {
      cmd.getErr().println("  (this is a bug in fmap if the message does not say what to do; rerun with --verbose for details)");
    }
    cmd.getErr().flush();
    return Fmap.FINDINGS;
  }
}
