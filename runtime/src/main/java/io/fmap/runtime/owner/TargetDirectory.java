package io.fmap.runtime.owner;

import java.util.List;

/**
 * The target's users and teams, as owner resolution needs them. The Dataverse connector implements
 * it by querying {@code systemusers} (id, primary email, full name, disabled flag) and {@code teams}.
 * Read once per resolution: both lists are small next to the data being moved.
 */
public interface TargetDirectory {

  /** Every user of the target, enabled or not. */
  List<TargetUser> users();

  /** Every team of the target. */
  List<TargetTeam> teams();
}
