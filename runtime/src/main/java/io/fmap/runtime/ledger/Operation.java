package io.fmap.runtime.ledger;

import java.util.Locale;

/**
 * What happened to a record once the target answered (or once fmap decided not to send it).
 * {@code DELETED} and {@code RESTORED} are the operations of rollback runs.
 */
public enum Operation {
  CREATED, UPDATED, SKIPPED, FAILED, QUARANTINED, DELETED, RESTORED;

  /** True when the target holds the write: the record must never be sent again in this run. */
  public boolean landed() {
    return this == CREATED || this == UPDATED || this == DELETED || this == RESTORED;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Operation of(String code) {
    return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
  }
}
