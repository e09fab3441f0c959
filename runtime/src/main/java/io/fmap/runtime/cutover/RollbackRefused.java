package io.fmap.runtime.cutover;

import java.util.List;

/** Rollback would lose or overwrite data, or cannot apply to this run; nothing was changed. */
public final class RollbackRefused extends RuntimeException {
  private final List<String> reasons;

  public RollbackRefused(long runId, List<String> reasons) {
    super("rollback of run " + runId + " refused, nothing changed:\n  " + String.join("\n  ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
