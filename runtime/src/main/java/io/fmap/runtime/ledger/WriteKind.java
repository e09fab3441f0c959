package io.fmap.runtime.ledger;

import java.util.Locale;

/** The write an intent announces, before it is sent. */
public enum WriteKind {
  CREATE, UPDATE, UPSERT, DELETE, RESTORE;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WriteKind of(String code) {
    return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
  }
}
