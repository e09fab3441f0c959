package io.fmap.runtime.owner;

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
}
