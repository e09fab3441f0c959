package io.fmap.runtime.ledger;

import java.util.Locale;

/**
 * Where a run stands. A run still {@code RUNNING} when no fmap process works on it was interrupted
 * (crash, kill) and is resumed by the next run of the same plan. Failed records do not make a run
 * {@code ABORTED}: they are counted in its records; {@code ABORTED} means the run stopped early.
 */
public enum RunStatus {
  RUNNING, COMPLETED, ABORTED, ROLLED_BACK;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RunStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
