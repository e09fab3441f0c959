package io.fmap.runtime.owner;

import io.fmap.runtime.target.TargetConnector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The target's users and teams read once through any {@link TargetConnector}: {@code systemuser}
 * (id, primary email, full name, disabled flag) and {@code team} (id, name), sorted by id.
 */
public record DirectorySnapshot(List<TargetUser> users, List<TargetTeam> teams) implements TargetDirectory {

  public DirectorySnapshot {
    users = List.copyOf(users);
    teams = List.copyOf(teams);
  }

  /** Reads the directory; the connector's own errors (unreachable org, refused token) pass through. */
  public static DirectorySnapshot read(TargetConnector target) throws IOException {
    List<TargetUser> users = new ArrayList<>();
    target.read("systemuser", List.of("systemuserid", "internalemailaddress", "fullname", "isdisabled"), null,
        row -> users.add(new TargetUser(text(row, "systemuserid"), text(row, "internalemailaddress"),
            text(row, "fullname"), !Boolean.TRUE.equals(row.get("isdisabled")))));
    List<TargetTeam> teams = new ArrayList<>();
    target.read("team", List.of("teamid", "name"), null,
        row -> teams.add(new TargetTeam(text(row, "teamid"), text(row, "name"))));
    users.sort(Comparator.comparing(TargetUser::id));
    teams.sort(Comparator.comparing(TargetTeam::id));
    return new DirectorySnapshot(users, teams);
  }

  private static String text(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? null : value.toString();
  }
}
