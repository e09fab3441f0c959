package io.fmap.runtime.ledger;

import java.util.Locale;

/** What a run did; stored as its lower-case name. */
public enum RunMode {
  SAMPLE, FULL, DELTA, ROLLBACK, SCHEMA;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RunMode of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
