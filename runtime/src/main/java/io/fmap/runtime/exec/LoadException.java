package io.fmap.runtime.exec;

/**
 * The run stopped: the target could not be reached, or the source could not be read. The ledger
 * keeps the run open, and running the same plan again resumes it.
 */
public final class LoadException extends RuntimeException {
  private final long runId;

  public LoadException(long runId, String message, Throwable cause) {
    super(message, cause);
    this.runId = runId;
  }

  public long runId() {
    return runId;
  }
}
