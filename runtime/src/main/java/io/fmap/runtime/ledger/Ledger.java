package io.fmap.runtime.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project's ledger: every run, and every record each run wrote, kept so that a run can resume
 * after a crash, a delta can pick up where the last run stopped, and a rollback can undo a run.
 *
 * <p>The write-ahead protocol: {@link #intend} records the writes about to be sent and commits
 * before anything is sent; {@link #settle} records the target's answers once they arrive. A crash
 * between the two leaves entries {@linkplain #inDoubt in doubt}, which the next run resolves by
 * asking the target; an entry that {@linkplain Operation#landed landed} is never announced again
 * in the same run, so nothing the ledger knows landed is re-sent.
 *
 * <p>One ledger object per process, safe to share between threads (calls are serialized: the
 * executor batches, so the ledger commits once per batch, not once per record). The ledger holds
 * ids, hashes, error texts and before-images, never credentials.
 */
public final class Ledger implements AutoCloseable {

  static final String ENTRY_COLUMNS = "seq, run_id, source_object, source_id, target_table, "
      + "target_id, planned, outcome, content_hash, before_image, target_version, error_code, "
      + "error_message, attempts, intended_at, settled_at";
  private static final String RUN_COLUMNS =
      "id, mode, status, who, plan_hash, started_at, ended_at, rollback_of";
  private static final String KEY_MATCH = "target_table = ? AND source_object = ? AND source_id = ?";
  private static final String FIND_EXISTING = "SELECT outcome, attempts FROM records WHERE run_id = ? AND " + KEY_MATCH;

  private final LedgerLocation location;
  private final Connection connection;
  private final Clock clock;
  private final LedgerAudit audit;
  private final LedgerHistory history;

  private Ledger(LedgerLocation location, Connection connection, Clock clock) {
    this.location = location;
    this.connection = connection;
    this.clock = clock;
    this.audit = new LedgerAudit(this);
    this.history = new LedgerHistory(this);
  }

  /** Opens (creating when needed) the ledger and brings its schema up to date. */
  public static Ledger open(LedgerLocation location) {
    return open(location, Clock.systemUTC());
  }

  /** As {@link #open(LedgerLocation)}, with the clock that stamps runs and entries. */
  public static Ledger open(LedgerLocation location, Clock clock) {
    Path file = location.sqlitePath();
    if (file != null && file.getParent() != null) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new LedgerException("cannot create the folder of the ledger " + file + ": " + e.getMessage()
            + "; check the path and its permissions, or configure another ledger path", e);
      }
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection(location.jdbcUrl());
    } catch (SQLException e) {
      throw new LedgerException("cannot open the ledger " + location.redacted() + ": " + e.getMessage()
          + "; check that the file is writable or the database server reachable", e);
    }
    try {
      location.dialect().configure(connection);
      connection.setAutoCommit(false);
      Migrations.apply(connection, location.dialect(), clock.instant(), location.redacted());
      return new Ledger(location, connection, clock);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      if (e instanceof LedgerException ledgerException) {
        throw ledgerException;
      }
      throw new LedgerException("cannot prepare the ledger " + location.redacted() + ": " + e.getMessage(), e);
    }
  }

  public LedgerLocation location() {
    return location;
  }

  /** The version of the ledger's own schema (see {@code docs/ledger.md}). */
  public synchronized int schemaVersion() {
    return read(() -> Migrations.currentVersion(connection));
  }

  /** Counts, errors and throttle waits of runs, for the audit report. */
  public LedgerAudit audit() {
    return audit;
  }

  /** What stands in the target across runs, for delta, reconcile and rollback. */
  public LedgerHistory history() {
    return history;
  }

  /**
   * Takes the ledger's writer lock, which verbs that start or resume runs hold until they end.
   *
   * @param holder who asks (process id, user, verb), shown to the next process that finds it taken
   * @throws LedgerException when another process holds it
   */
  public WriterLock lockForWriting(String holder) {
    Path file = location.sqlitePath();
    if (location.dialect() == Dialect.POSTGRES) {
      return WriterLock.OnSession.acquire(connection, this, location.redacted());
    }
    return file == null ? new WriterLock.None() : WriterLock.OnFile.acquire(file, holder, location.redacted());
  }

  // ---------------------------------------------------------------------------------------- runs

  /** Starts a run, with its opening checkpoint ({@code before run N}). */
  public synchronized Run startRun(RunMode mode, String who, String planHash) {
    if (mode == RunMode.ROLLBACK) {
      throw new IllegalArgumentException("a rollback run is started with startRollback(runId, ...)");
    }
    return write(() -> insertRun(mode, who, planHash, null));
  }

  /** Starts the run that undoes {@code undoneRunId}. */
  public synchronized Run startRollback(long undoneRunId, String who, String planHash) {
    return write(() -> {
      requireRun(undoneRunId);
      return insertRun(RunMode.ROLLBACK, who, planHash, undoneRunId);
    });
  }

  private Run insertRun(RunMode mode, String who, String planHash, Long rollbackOf) throws SQLException {
    String now = Timestamps.format(clock.instant());
    // RETURNING (SQLite 3.35+, PostgreSQL): the id this insert got, whoever else inserts meanwhile.
    long id = Jdbc.count(connection, "INSERT INTO runs (mode, status, who, plan_hash, started_at) "
        + "VALUES (?, ?, ?, ?, ?) RETURNING id", mode.code(), RunStatus.RUNNING.code(), who, planHash, now);
    if (rollbackOf != null) {
      Jdbc.update(connection, "UPDATE runs SET rollback_of = ? WHERE id = ?", rollbackOf, id);
    }
    insertCheckpoint(id, "before run " + id);
    return requireRun(id);
  }

  public synchronized Optional<Run> run(long id) {
    return read(() -> Jdbc.first(connection, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?", Ledger::run, id));
  }

  /** Every run, oldest first. */
  public synchronized List<Run> runs() {
    return read(() -> Jdbc.list(connection, "SELECT " + RUN_COLUMNS + " FROM runs ORDER BY id", Ledger::run));
  }

  /** Runs that never ended: interrupted, or still going in another process. Oldest first. */
  public synchronized List<Run> unfinishedRuns() {
    return read(() -> Jdbc.list(connection, "SELECT " + RUN_COLUMNS + " FROM runs WHERE status = ? ORDER BY id",
        Ledger::run, RunStatus.RUNNING.code()));
  }

  /** Ends a run (completed or aborted). */
  public synchronized Run finishRun(long runId, RunStatus status) {
    if (status == RunStatus.RUNNING || status == RunStatus.ROLLED_BACK) {
      throw new IllegalArgumentException("a run finishes completed or aborted, not " + status);
    }
    return write(() -> {
      Jdbc.update(connection, "UPDATE runs SET status = ?, ended_at = ? WHERE id = ?",
          status.code(), Timestamps.format(clock.instant()), runId);
      return requireRun(runId);
    });
  }

  /** Marks a run as undone by a completed rollback: its rows and watermarks no longer count. */
  public synchronized Run markRolledBack(long runId) {
    return write(() -> {
      Jdbc.update(connection, "UPDATE runs SET status = ? WHERE id = ?", RunStatus.ROLLED_BACK.code(), runId);
      return requireRun(runId);
    });
  }

  private Run requireRun(long runId) throws SQLException {
    return Jdbc.first(connection, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?", Ledger::run, runId)
        .orElseThrow(() -> new LedgerException("the ledger " + location.redacted() + " has no run " + runId
            + "; `fmap report` lists the runs it has"));
  }

  // ------------------------------------------------------------------------------ write-ahead

  /**
   * Records writes about to be sent, durably, before they are sent. An entry that already landed in
   * this run is left alone and its key is not returned: the caller sends only the accepted keys.
   * An entry in doubt, failed or set aside is announced afresh (a retry), with its attempts counted.
   *
   * @return the keys to send, in the order given
   * @throws IllegalStateException when the run is not running
   */
  public synchronized List<RecordKey> intend(long runId, List<Intent> intents) {
    return write(() -> {
      requireRunning(runId);
      String now = Timestamps.format(clock.instant());
      List<RecordKey> accepted = new ArrayList<>(intents.size());
      try (PreparedStatement find = connection.prepareStatement(FIND_EXISTING);
          PreparedStatement delete = connection.prepareStatement(
              "DELETE FROM records WHERE run_id = ? AND " + KEY_MATCH);
          PreparedStatement insert = connection.prepareStatement("INSERT INTO records (run_id, source_object, "
              + "source_id, target_table, target_id, planned, content_hash, before_image, attempts, intended_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Intent intent : intents) {
          RecordKey key = intent.key();
          Existing existing = existing(find, runId, key);
          if (existing != null && existing.landed()) {
            continue;
          }
          int attempts = existing == null ? 1 : existing.attempts() + 1;
          if (existing != null) {
            // Delete and insert rather than update: the retry gets a new seq, after any checkpoint since.
            Jdbc.bind(delete, runId, key.targetTable(), key.sourceObject(), key.sourceId());
            delete.executeUpdate();
          }
          Jdbc.bind(insert, runId, key.sourceObject(), key.sourceId(), key.targetTable(), intent.targetId(),
              intent.kind().code(), intent.contentHash(), intent.beforeImage(), attempts, now);
          insert.executeUpdate();
          accepted.add(key);
        }
      }
      return accepted;
    });
  }

  /**
   * Records what became of records: the target's answers to announced writes, or decisions not to
   * send (skipped, quarantined), which need no intent. A landed entry keeps its first confirmation.
   *
   * @throws IllegalStateException when an outcome would turn a landed entry into one that did not land
   */
  public synchronized void settle(long runId, List<? extends Outcome> outcomes) {
    write(() -> {
      requireRunning(runId);
      String now = Timestamps.format(clock.instant());
      try (PreparedStatement update = connection.prepareStatement("UPDATE records SET outcome = ?, "
              + "target_id = COALESCE(?, target_id), target_version = ?, error_code = ?, error_message = ?, "
              + "content_hash = COALESCE(?, content_hash), settled_at = ? "
              + "WHERE run_id = ? AND " + KEY_MATCH + " AND (outcome IS NULL OR outcome NOT IN "
              + "('created', 'updated', 'deleted', 'restored'))");
          PreparedStatement find = connection.prepareStatement(FIND_EXISTING);
          PreparedStatement insert = connection.prepareStatement("INSERT INTO records (run_id, source_object, "
              + "source_id, target_table, target_id, outcome, content_hash, target_version, error_code, "
              + "error_message, attempts, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
        for (Outcome outcome : outcomes) {
          Settlement s = Settlement.of(outcome);
          RecordKey key = outcome.key();
          Jdbc.bind(update, outcome.operation().code(), s.targetId(), s.targetVersion(), s.errorCode(),
              s.message(), s.contentHash(), now, runId, key.targetTable(), key.sourceObject(), key.sourceId());
          if (update.executeUpdate() == 1) {
            continue;
          }
          if (existing(find, runId, key) != null) {
            // The update matched nothing although the entry exists: it landed already.
            if (!outcome.operation().landed()) {
              throw new IllegalStateException(key + " already landed in run " + runId
                  + "; it cannot become " + outcome.operation());
            }
            continue;
          }
          Jdbc.bind(insert, runId, key.sourceObject(), key.sourceId(), key.targetTable(), s.targetId(),
              outcome.operation().code(), s.contentHash(), s.targetVersion(), s.errorCode(), s.message(), now);
          insert.executeUpdate();
        }
      }
      return null;
    });
  }

  /** The columns an outcome fills in. */
  private record Settlement(String targetId, String targetVersion, String errorCode, String message,
      String contentHash) {
    static Settlement of(Outcome outcome) {
      if (outcome instanceof Outcome.Landed l) {
        return new Settlement(l.targetId(), l.targetVersion(), null, null, null);
      }
      if (outcome instanceof Outcome.Failed f) {
        return new Settlement(null, null, f.errorCode(), f.message(), null);
      }
      if (outcome instanceof Outcome.Quarantined q) {
        return new Settlement(null, null, q.reasonCode(), q.message(), null);
      }
      Outcome.Skipped skipped = (Outcome.Skipped) outcome;
      return new Settlement(null, null, null, skipped.reason(), skipped.contentHash());
    }
  }

  /** A run's entry for a key, as far as announcing and settling need it. */
  private record Existing(Operation outcome, int attempts) {
    boolean landed() {
      return outcome != null && outcome.landed();
    }
  }

  /** Runs {@link #FIND_EXISTING} for a key; null when the run has no entry for it. */
  private static Existing existing(PreparedStatement find, long runId, RecordKey key) throws SQLException {
    Jdbc.bind(find, runId, key.targetTable(), key.sourceObject(), key.sourceId());
    try (ResultSet row = find.executeQuery()) {
      return row.next() ? new Existing(Operation.of(row.getString(1)), row.getInt(2)) : null;
    }
  }

  private void requireRunning(long runId) throws SQLException {
    Run run = requireRun(runId);
    if (run.status() != RunStatus.RUNNING) {
      throw new IllegalStateException("run " + runId + " is " + run.status() + "; only a running run is written");
    }
  }

  /**
   * Writes announced in this run and never answered, oldest first: after a crash, each may or may not
   * have reached the target. The resuming run asks the target and settles each one, or announces it
   * again (an upsert by alternate key is safe to repeat).
   */
  public synchronized List<LedgerEntry> inDoubt(long runId) {
    return read(() -> Jdbc.list(connection, "SELECT " + ENTRY_COLUMNS + " FROM records WHERE run_id = ? "
        + "AND outcome IS NULL ORDER BY seq", Ledger::entry, runId));
  }

  /** Of the given keys, those that already landed in this run: the resuming run does not send them. */
  public synchronized Set<RecordKey> landedAmong(long runId, Collection<RecordKey> keys) {
    return read(() -> {
      Set<RecordKey> landed = new LinkedHashSet<>();
      try (PreparedStatement find = connection.prepareStatement(FIND_EXISTING)) {
        for (RecordKey key : keys) {
          Existing existing = existing(find, runId, key);
          if (existing != null && existing.landed()) {
            landed.add(key);
          }
        }
      }
      return landed;
    });
  }

  /** This run's entry for a record, if it has one. */
  public synchronized Optional<LedgerEntry> entry(long runId, RecordKey key) {
    return read(() -> Jdbc.first(connection, "SELECT " + ENTRY_COLUMNS + " FROM records WHERE run_id = ? AND "
        + KEY_MATCH, Ledger::entry, runId, key.targetTable(), key.sourceObject(), key.sourceId()));
  }

  // ----------------------------------------------------------------------- watermarks and marks

  /** Records how far this run read an object; it counts once the run completes. */
  public synchronized void setWatermark(long runId, String sourceObject, String value) {
    write(() -> Jdbc.update(connection, "INSERT INTO watermarks (run_id, source_object, value, recorded_at) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (run_id, source_object) DO UPDATE SET value = excluded.value, "
            + "recorded_at = excluded.recorded_at",
        runId, sourceObject, value, Timestamps.format(clock.instant())));
  }

  /** The watermark of the latest completed run that read this object, if any. */
  public synchronized Optional<Watermark> watermark(String sourceObject) {
    return read(() -> Jdbc.first(connection, "SELECT w.source_object, w.value, w.run_id FROM watermarks w "
            + "JOIN runs u ON u.id = w.run_id WHERE w.source_object = ? AND u.status = 'completed' "
            + "ORDER BY w.run_id DESC LIMIT 1",
        row -> new Watermark(row.getString(1), row.getString(2), row.getLong(3)), sourceObject));
  }

  /** Adds a checkpoint to a running run; no write of the run may be in doubt at that moment. */
  public synchronized Checkpoint checkpoint(long runId, String label) {
    return write(() -> {
      requireRunning(runId);
      long open = Jdbc.count(connection, "SELECT COUNT(*) FROM records WHERE run_id = ? AND outcome IS NULL", runId);
      if (open > 0) {
        throw new IllegalStateException("run " + runId + " has " + open
            + " writes in doubt; take checkpoints between batches, when none is in flight");
      }
      return insertCheckpoint(runId, label);
    });
  }

  private Checkpoint insertCheckpoint(long runId, String label) throws SQLException {
    long seq = Jdbc.count(connection, "SELECT COALESCE(MAX(seq), 0) FROM records");
    long id = Jdbc.count(connection, "INSERT INTO checkpoints (run_id, label, seq, created_at) VALUES (?, ?, ?, ?) "
        + "RETURNING id", runId, label, seq, Timestamps.format(clock.instant()));
    return Jdbc.first(connection, "SELECT id, run_id, label, seq, created_at FROM checkpoints WHERE id = ?",
        Ledger::checkpoint, id).orElseThrow();
  }

  /** Every checkpoint, oldest first. */
  public synchronized List<Checkpoint> checkpoints() {
    return read(() -> Jdbc.list(connection,
        "SELECT id, run_id, label, seq, created_at FROM checkpoints ORDER BY id", Ledger::checkpoint));
  }

  /**
   * Records a schema change the run applied. Applying the same change again (an idempotent
   * {@code schema apply}) adds nothing.
   *
   * @return true when the change was new
   */
  public synchronized boolean recordSchemaChange(long runId, String kind, String name, String detailJson) {
    return write(() -> {
      long present = Jdbc.count(connection,
          "SELECT COUNT(*) FROM schema_changes WHERE kind = ? AND name = ? AND removed_by IS NULL", kind, name);
      if (present > 0) {
        return false;
      }
      Jdbc.update(connection, "INSERT INTO schema_changes (run_id, kind, name, detail, applied_at) "
          + "VALUES (?, ?, ?, ?, ?)", runId, kind, name, detailJson, Timestamps.format(clock.instant()));
      return true;
    });
  }

  /** Every schema change fmap applied, oldest first, removed ones included. */
  public synchronized List<AppliedSchemaChange> schemaChanges() {
    return read(() -> Jdbc.list(connection, "SELECT id, run_id, kind, name, detail, applied_at, removed_by "
        + "FROM schema_changes ORDER BY id", row -> new AppliedSchemaChange(row.getLong(1), row.getLong(2),
        row.getString(3), row.getString(4), row.getString(5), Timestamps.parse(row.getString(6)),
        Jdbc.nullableLong(row, "removed_by"))));
  }

  /** Records that a rollback run removed a schema change. */
  public synchronized void markSchemaChangeRemoved(long changeId, long rollbackRunId) {
    write(() -> Jdbc.update(connection, "UPDATE schema_changes SET removed_by = ?, removed_at = ? WHERE id = ?",
        rollbackRunId, Timestamps.format(clock.instant()), changeId));
  }

  /** Records a wait the target imposed on the run. */
  public synchronized void recordThrottleWait(long runId, ThrottleWait wait) {
    write(() -> Jdbc.update(connection, "INSERT INTO throttle_waits (run_id, target_table, status, waited_ms, "
            + "started_at) VALUES (?, ?, ?, ?, ?)", runId, wait.targetTable(), wait.status(), wait.waitedMillis(),
        Timestamps.format(clock.instant())));
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new LedgerException("closing the ledger " + location.redacted() + " failed: " + e.getMessage(), e);
    }
  }

  // -------------------------------------------------------------------------------- internals

  interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs one transaction: committed when the work returns, rolled back when it throws. */
  synchronized <T> T write(Work<T> work) {
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollbackQuietly();
      throw new LedgerException("writing the ledger " + location.redacted() + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  /** Reads in a transaction of its own, so a read never sees half of another process's batch. */
  synchronized <T> T read(Work<T> work) {
    return write(work);
  }

  Connection connection() {
    return connection;
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The original failure is the one worth reporting.
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Opening already failed; that is the error the user sees.
    }
  }

  static String prefixed(String alias, String columns) {
    return alias + "." + columns.replace(", ", ", " + alias + ".");
  }

  static Run run(ResultSet row) throws SQLException {
    return new Run(row.getLong("id"), RunMode.of(row.getString("mode")), RunStatus.of(row.getString("status")),
        row.getString("who"), row.getString("plan_hash"), Timestamps.parse(row.getString("started_at")),
        Timestamps.parse(row.getString("ended_at")), Jdbc.nullableLong(row, "rollback_of"));
  }

  static LedgerEntry entry(ResultSet row) throws SQLException {
    return new LedgerEntry(row.getLong("seq"), row.getLong("run_id"),
        new RecordKey(row.getString("source_object"), row.getString("source_id"), row.getString("target_table")),
        WriteKind.of(row.getString("planned")), row.getString("target_id"), Operation.of(row.getString("outcome")),
        row.getString("content_hash"), row.getString("before_image"), row.getString("target_version"),
        row.getString("error_code"), row.getString("error_message"), row.getInt("attempts"),
        Timestamps.parse(row.getString("intended_at")), Timestamps.parse(row.getString("settled_at")));
  }

  private static Checkpoint checkpoint(ResultSet row) throws SQLException {
    return new Checkpoint(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4),
        Timestamps.parse(row.getString(5)));
  }
}
