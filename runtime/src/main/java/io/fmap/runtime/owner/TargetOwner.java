package io.fmap.runtime.owner;

/** Who owns a record in the target: a user or a team, bound by {@code ownerid@odata.bind}. */
public sealed interface TargetOwner {

  String id();

  /** The value of {@code ownerid@odata.bind} that assigns a record to this owner. */
  String odataBind();

  /** How reports name the owner. */
  String describe();

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
  }
}
