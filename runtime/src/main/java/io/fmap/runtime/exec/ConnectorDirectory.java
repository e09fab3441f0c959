package io.fmap.runtime.exec;

import io.fmap.runtime.owner.TargetDirectory;
import io.fmap.runtime.owner.TargetTeam;
import io.fmap.runtime.owner.TargetUser;
import io.fmap.runtime.target.TargetConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The target's users and teams read through the {@link TargetConnector} ({@code systemuser},
 * {@code team}), once, when owner resolution is prepared.
 */
public final class ConnectorDirectory implements TargetDirectory {
  private final TargetConnector target;

  public ConnectorDirectory(TargetConnector target) {
    this.target = target;
  }

  @Override
  public List<TargetUser> users() {
    List<TargetUser> users = new ArrayList<>();
    read("systemuser", List.of("systemuserid", "internalemailaddress", "fullname", "isdisabled"),
        row -> users.add(new TargetUser(String.valueOf(row.get("systemuserid")), text(row.get("internalemailaddress")),
            text(row.get("fullname")), !Boolean.TRUE.equals(row.get("isdisabled")))));
    return users;
  }

  @Override
  public List<TargetTeam> teams() {
    List<TargetTeam> teams = new ArrayList<>();
    read("team", List.of("teamid", "name"),
        row -> teams.add(new TargetTeam(String.valueOf(row.get("teamid")), text(row.get("name")))));
    return teams;
  }

  private void read(String table, List<String> columns, java.util.function.Consumer<java.util.Map<String, Object>> sink) {
    try {
      target.read(table, columns, null, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the target's " + table + " rows for owner resolution failed: "
          + e.getMessage(), e);
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
