package io.fmap.runtime.api;

import java.util.Objects;

/**
 * One table a {@code ref(...)} may land in, as the compiler knows it: the source object is mapped
 * to {@code table}, the lookup column binds it through {@code navigationProperty}, and rows of that
 * table carry the source id in {@code keyColumn} (null when the map declares no key, so only the
 * ledger can resolve it).
 */
public record LookupCandidate(String table, String navigationProperty, String keyColumn) {

  public LookupCandidate {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(navigationProperty, "navigationProperty");
  }
}
