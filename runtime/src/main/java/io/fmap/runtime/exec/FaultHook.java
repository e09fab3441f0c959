package io.fmap.runtime.exec;

/**
 * Called just before each side effect of a run (a ledger write or a send to the target), so that a
 * test can stop the run at an exact point as a {@code kill -9} would: a hook that throws there and at
 * every later call leaves the ledger and the target exactly as a killed process would.
 */
@FunctionalInterface
public interface FaultHook {

  /** The side effects of a run, in the order one batch performs them. */
  enum Step {
    /** announcing a batch's writes to the ledger */
    INTEND,
    /** sending announced rows to the target */
    SEND,
    /** recording the target's answers */
    SETTLE,
    /** recording records set aside before sending (quarantined, skipped) */
    SET_ASIDE,
    /** a checkpoint between tiers */
    CHECKPOINT,
    /** ending the run */
    FINISH
  }

  FaultHook NONE = step -> { };

  void before(Step step);
}
