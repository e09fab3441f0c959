package io.fmap.runtime.owner;

import java.util.Objects;

/** A team of the target system (a Dataverse {@code team}), which may own records. */
public record TargetTeam(String id, String name) {

  public TargetTeam {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
