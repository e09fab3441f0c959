package io.fmap.runtime.api;

import java.util.Objects;

/**
 * A resolved reference to one target row, as a lookup column, an owner or an activity party
 * needs it on the wire: {@code "<navigationProperty>@odata.bind": "/<entityset>(<key>)"}.
 *
 * @param table              the referenced table ({@code account}, {@code systemuser})
 * @param navigationProperty the single-valued navigation property on the referencing row, read
 *                           from metadata ({@code parentcustomerid_account}, {@code ownerid},
 *                           {@code partyid_contact})
 * @param key                how the referenced row is found
 */
public record TargetRef(String table, String navigationProperty, TargetKey key) {

  public TargetRef {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(navigationProperty, "navigationProperty");
    Objects.requireNonNull(key, "key");
  }

  /** The same referenced row seen through another navigation property (an owner reused as a party). */
  public TargetRef via(String otherNavigationProperty) {
    return new TargetRef(table, otherNavigationProperty, key);
  }
}
