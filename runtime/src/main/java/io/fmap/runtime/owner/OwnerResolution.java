package io.fmap.runtime.owner;

import java.util.List;
import java.util.Objects;

/**
 * What one Spark owner resolves to.
 *
 * @param sourceOwnerId the owner id the records carry, or null for records without one
 * @param sourceUser    the Spark user of that id, or null when Spark does not know it
 * @param email         the owner's email, normalized; null when there is none
 * @param status        how the match went
 * @param candidates    the target users with that email (several for a duplicate, the disabled ones)
 * @param owner         who will own the records: the matched user, else the fallback; null when neither
 * @param byFallback    true when {@code owner} is the fallback
 * @param reason        one sentence on why the owner did not match; null when matched
 */
public record OwnerResolution(String sourceOwnerId, SourceUser sourceUser, String email, OwnerStatus status,
    List<TargetUser> candidates, TargetOwner owner, boolean byFallback, String reason) {

  public OwnerResolution {
    Objects.requireNonNull(status, "status");
    candidates = List.copyOf(candidates);
  }

  /** True when the records will have an owner in the target. */
  public boolean resolved() {
    return owner != null;
  }
}
