package io.fmap.cli;

/**
 * Why a cutover verb stops before doing anything, with the exit code it stops with: the verbs share
 * the steps that can refuse (project settings, the approved plan, the ledger) and print one line for each.
 */
final class VerbStop extends Exception {
  private final int exitCode;

  VerbStop(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  static VerbStop usage(String message) {
    return new VerbStop(Fmap.USAGE, message);
  }

  static VerbStop blocked(String message) {
    return new VerbStop(Fmap.BLOCKED, message);
  }
}
