package io.fmap.runtime.owner;

import java.util.Objects;

/**
 * A user of the target system (a Dataverse {@code systemuser}).
 *
 * @param email   the user's primary email as the target stores it (may be null)
 * @param enabled false for a disabled user, to whom the target refuses to assign records
 */
public record TargetUser(String id, String email, String fullName, boolean enabled) {

  public TargetUser {
    Objects.requireNonNull(id, "id");
  }
}
