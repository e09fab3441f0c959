package io.fmap.runtime.exec;

/**
 * Told each time a batch of source records has been written and settled in the ledger, so that a
 * command line can show how far a long run is. Called from the executor's worker threads, at once:
 * implementations must be thread-safe and quick (they run on the load's critical path).
 */
@FunctionalInterface
public interface LoadProgress {

  LoadProgress NONE = (sourceObject, records) -> { };

  /** {@code records} more records of {@code sourceObject} are settled (first pass only: one count per record). */
  void settled(String sourceObject, int records);
}
