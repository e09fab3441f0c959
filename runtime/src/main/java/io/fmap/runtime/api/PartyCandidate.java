package io.fmap.runtime.api;

import java.util.Objects;

/**
 * One table an activity party may be found in by email, as the compiler read it from the target
 * schema: rows of {@code table} carry their address in {@code emailColumn} and their id in
 * {@code idColumn}, and the party binds them through {@code navigationProperty}
 * ({@code partyid_contact}).
 */
public record PartyCandidate(String table, String navigationProperty, String idColumn, String emailColumn) {

  public PartyCandidate {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(navigationProperty, "navigationProperty");
    Objects.requireNonNull(idColumn, "idColumn");
    Objects.requireNonNull(emailColumn, "emailColumn");
  }
}
