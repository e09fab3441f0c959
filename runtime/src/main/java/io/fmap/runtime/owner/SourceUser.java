package io.fmap.runtime.owner;

import io.fmap.runtime.api.SourceRecord;
import java.util.Objects;

/**
 * A Spark CRM user, the owner of source records ({@code owner_id}, {@code author_id}).
 *
 * @param email the user's email as Spark exported it: may differ in case or spacing, repeat, or be missing
 */
public record SourceUser(String id, String email, String name, boolean active) {

  public SourceUser {
    Objects.requireNonNull(id, "id");
  }

  /**
   * Reads a record of Spark's {@code User} object ({@code id}, {@code email}, {@code name},
   * {@code active}). A missing {@code active} counts as active; matching does not depend on it.
   */
  public static SourceUser of(SourceRecord user) {
    Object email = user.get("email");
    Object name = user.get("name");
    Object active = user.get("active");
    return new SourceUser(user.id(), email == null ? null : email.toString(), name == null ? null : name.toString(),
        active == null || Boolean.parseBoolean(active.toString()));
  }
}
