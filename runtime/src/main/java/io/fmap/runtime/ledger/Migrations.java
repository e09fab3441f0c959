package io.fmap.runtime.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The ledger's own schema, as an ordered list of versioned migrations. A ledger file outlives the
 * fmap version that created it, so a newer fmap upgrades it in place and an older one refuses it.
 * Released migrations are never edited; a change is a new version at the end of the list.
 */
final class Migrations {

  record Migration(int version, String description, List<String> statements) {}

  static final List<Migration> ALL = List.of(
      new Migration(1, "runs, records, watermarks, schema changes", List.of(
          """
          CREATE TABLE runs (
            id {id},
            mode {text} NOT NULL,
            status {text} NOT NULL,
            who {text} NOT NULL,
            plan_hash {text} NOT NULL,
            started_at {text} NOT NULL,
            ended_at {text},
            rollback_of {bigint} REFERENCES runs(id)
          )""",
          """
          CREATE TABLE records (
            seq {id},
            run_id {bigint} NOT NULL REFERENCES runs(id),
            source_object {text} NOT NULL,
            source_id {text} NOT NULL,
            target_table {text} NOT NULL,
            target_id {text},
            planned {text},
            outcome {text},
            content_hash {text},
            before_image {text},
            target_version {text},
            error_code {text},
            error_message {text},
            attempts INTEGER NOT NULL,
            intended_at {text},
            settled_at {text},
            UNIQUE (run_id, target_table, source_object, source_id)
          )""",
          "CREATE INDEX records_by_target ON records (target_table, target_id)",
          "CREATE INDEX records_by_source ON records (source_object, source_id, target_table)",
          "CREATE INDEX records_by_outcome ON records (run_id, outcome)",
          """
          CREATE TABLE watermarks (
            run_id {bigint} NOT NULL REFERENCES runs(id),
            source_object {text} NOT NULL,
            value {text} NOT NULL,
            recorded_at {text} NOT NULL,
            PRIMARY KEY (run_id, source_object)
          )""",
          """
          CREATE TABLE schema_changes (
            id {id},
            run_id {bigint} NOT NULL REFERENCES runs(id),
            kind {text} NOT NULL,
            name {text} NOT NULL,
            detail {text} NOT NULL,
            applied_at {text} NOT NULL,
            removed_by {bigint} REFERENCES runs(id),
            removed_at {text}
          )""")),
      new Migration(2, "rollback checkpoints, throttle waits", List.of(
          """
          CREATE TABLE checkpoints (
            id {id},
            run_id {bigint} NOT NULL REFERENCES runs(id),
            label {text} NOT NULL,
            seq {bigint} NOT NULL,
            created_at {text} NOT NULL
          )""",
          """
          CREATE TABLE throttle_waits (
            id {id},
            run_id {bigint} NOT NULL REFERENCES runs(id),
            target_table {text},
            status INTEGER NOT NULL,
            waited_ms {bigint} NOT NULL,
            started_at {text} NOT NULL
          )""",
          "CREATE INDEX throttle_waits_by_run ON throttle_waits (run_id)")));

  /** The schema version this fmap writes. */
  static int latest() {
    return ALL.get(ALL.size() - 1).version();
  }

  private Migrations() {}

  /**
   * Brings the ledger's schema to {@link #latest()}, each migration in its own transaction.
   *
   * @return the versions applied now, oldest first (empty when the ledger was current)
   * @throws LedgerException when the ledger was written by a newer fmap
   */
  static List<Integer> apply(Connection connection, Dialect dialect, Instant now, String where)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS ledger_migrations ("
          + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    connection.commit();
    int current = currentVersion(connection);
    if (current > latest()) {
      throw new LedgerException("the ledger " + where + " has schema version " + current
          + ", newer than this fmap understands (" + latest() + "); run it with a newer fmap");
    }
    List<Integer> applied = new java.util.ArrayList<>();
    for (Migration migration : ALL) {
      if (migration.version() <= current) {
        continue;
      }
      try (Statement statement = connection.createStatement()) {
        for (String sql : migration.statements()) {
          statement.execute(dialect.ddl(sql));
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO ledger_migrations (version, description, applied_at) VALUES (?, ?, ?)")) {
        insert.setInt(1, migration.version());
        insert.setString(2, migration.description());
        insert.setString(3, Timestamps.format(now));
        insert.executeUpdate();
      }
      connection.commit();
      applied.add(migration.version());
    }
    return List.copyOf(applied);
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM ledger_migrations")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
