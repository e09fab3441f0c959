package io.fmap.runtime.owner;

import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import java.util.UUID;

/** Who owns a record in the target: a user or a team, bound by {@code ownerid@odata.bind}. */
public sealed interface TargetOwner {

  String id();

  /** The value of {@code ownerid@odata.bind} that assigns a record to this owner. */
  String odataBind();

  /** How reports name the owner. */
  String describe();

  /** The table the owner's row lives in ({@code systemuser} or {@code team}). */
  String table();

  /**
   * The owner as a mapped row carries it: bound through {@code ownerid} by the row's GUID.
   *
   * @throws IllegalArgumentException when the id is not a GUID (every Dataverse id is one)
   */
  default TargetRef toTargetRef() {
    return new TargetRef(table(), "ownerid", new TargetKey.ById(UUID.fromString(id())));
  }

  record User(TargetUser user) implements TargetOwner {
    @Override
    public String id() {
      return user.id();
    }

    @Override
    public String odataBind() {
      return "/systemusers(" + user.id() + ")";
    }

    @Override
    public String describe() {
      return "user " + user.email();
    }

    @Override
    public String table() {
      return "systemuser";
    }
  }

  record Team(TargetTeam team) implements TargetOwner {
    @Override
    public String id() {
      return team.id();
    }

    @Override
    public String odataBind() {
      return "/teams(" + team.id() + ")";
    }

    @Override
    public String describe() {
      return "team \"" + team.name() + "\"";
    }

    @Override
    public String table() {
      return "team";
    }
  }
}
