package io.fmap.runtime.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger read across runs: which writes still stand in the target, what undoing a run means,
 * and which later runs touched the same rows.
 *
 * <p>A <em>forward write</em> is a created, updated or deleted outcome of a run that is not a rollback,
 * was not rolled back, and was not undone entry by entry by a rollback run. The write that
 * <em>stands</em> for a record is its latest forward write, when that write created or updated the row.
 */
public final class LedgerHistory {

  private final Ledger ledger;

  LedgerHistory(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Entry {@code a} of run {@code u} is a forward write (see the class comment). */
  static String forward(String a, String u) {
    return a + ".outcome IN ('created', 'updated', 'deleted') AND " + u + ".mode <> 'rollback' AND "
        + u + ".status <> 'rolled_back' AND NOT " + undone(a);
  }

  /** Entry {@code a} of run {@code u} is the write that stands for its record. */
  static String standing(String a, String u) {
    return a + ".outcome IN ('created', 'updated') AND " + forward(a, u) + " AND NOT EXISTS (SELECT 1 FROM "
        + "records l JOIN runs lu ON lu.id = l.run_id WHERE l.target_table = " + a + ".target_table AND "
        + "l.source_object = " + a + ".source_object AND l.source_id = " + a + ".source_id AND l.seq > "
        + a + ".seq AND " + forward("l", "lu") + ")";
  }

  /** A rollback run of entry {@code a}'s run undid that entry. */
  static String undone(String a) {
    return "EXISTS (SELECT 1 FROM records x JOIN runs b ON b.id = x.run_id WHERE b.rollback_of = " + a
        + ".run_id AND x.target_table = " + a + ".target_table AND x.source_object = " + a
        + ".source_object AND x.source_id = " + a + ".source_id AND x.outcome IN ('deleted', 'restored'))";
  }

  /**
   * For each key, the write that stands in the target; keys with none (never written, deleted,
   * rolled back) are absent. A delta compares content hashes against it; lookups take the target id.
   */
  public Map<RecordKey, LedgerEntry> lastLanded(Collection<RecordKey> keys) {
    return ledger.read(() -> {
      Map<RecordKey, LedgerEntry> result = new LinkedHashMap<>();
      try (PreparedStatement find = ledger.connection().prepareStatement("SELECT "
          + Ledger.prefixed("r", Ledger.ENTRY_COLUMNS) + " FROM records r JOIN runs u ON u.id = r.run_id "
          + "WHERE r.target_table = ? AND r.source_object = ? AND r.source_id = ? AND " + standing("r", "u"))) {
        for (RecordKey key : keys) {
          Jdbc.bind(find, key.targetTable(), key.sourceObject(), key.sourceId());
          try (ResultSet row = find.executeQuery()) {
            if (row.next()) {
              result.put(key, Ledger.entry(row));
            }
          }
        }
      }
      return result;
    });
  }

  /**
   * One page of the standing writes of a source object in a target table, by source id: what fmap
   * believes the target holds. Reconcile compares it with the target; a delta finds source
   * deletions as standing ids the source no longer has. Page with {@code afterSourceId} = the last
   * id of the previous page ({@code ""} first).
   */
  public List<LedgerEntry> standing(String sourceObject, String targetTable, String afterSourceId, int limit) {
    return ledger.read(() -> Jdbc.list(ledger.connection(), "SELECT " + Ledger.prefixed("r", Ledger.ENTRY_COLUMNS)
            + " FROM records r JOIN runs u ON u.id = r.run_id WHERE r.source_object = ? AND r.target_table = ? "
            + "AND r.source_id > ? AND " + standing("r", "u") + " ORDER BY r.source_id LIMIT ?",
        Ledger::entry, sourceObject, targetTable, afterSourceId, limit));
  }

  /** How many records of a source object stand in a target table, by the ledger. */
  public long standingCount(String sourceObject, String targetTable) {
    return ledger.read(() -> Jdbc.count(ledger.connection(), "SELECT COUNT(*) FROM records r JOIN runs u "
        + "ON u.id = r.run_id WHERE r.source_object = ? AND r.target_table = ? AND " + standing("r", "u"),
        sourceObject, targetTable));
  }

  /**
   * One page of what undoing a run means, newest entry first: the rows it created, updated or
   * deleted, and the writes it left in doubt (they may have landed), minus those a rollback run
   * already undid. Updates and deletes carry the before-image to put back. Page with
   * {@code beforeSeq} = the smallest seq of the previous page ({@code Long.MAX_VALUE} first).
   *
   * @param afterSeq undo only entries after this seq: 0 for the whole run, a checkpoint's seq for
   *                 {@code --to-checkpoint}
   */
  public List<LedgerEntry> undoable(long runId, long afterSeq, long beforeSeq, int limit) {
    return ledger.read(() -> Jdbc.list(ledger.connection(), "SELECT " + Ledger.prefixed("r", Ledger.ENTRY_COLUMNS)
        + " FROM records r WHERE r.run_id = ? AND r.seq > ? AND r.seq < ? AND (r.outcome IN ('created', "
        + "'updated', 'deleted') OR (r.outcome IS NULL AND r.planned IN ('create', 'update', 'upsert', 'delete'))) "
        + "AND NOT " + undone("r") + " ORDER BY r.seq DESC LIMIT ?", Ledger::entry, runId, afterSeq, beforeSeq, limit));
  }

  /**
   * For each row, the version (ETag) fmap's newest write of it left, by any run (a rollback's restores
   * included), or null when that write recorded none (or deleted the row). Rollback sends it as
   * {@code If-Match}: any other version now is someone else's edit since fmap last touched the row.
   *
   * @param ignored source objects whose entries do not change the row's version (many-to-many links)
   */
  public Map<String, Version> lastVersions(String targetTable, Collection<String> targetIds,
      java.util.function.Predicate<String> ignored) {
    return ledger.read(() -> {
      Map<String, Version> result = new LinkedHashMap<>();
      try (PreparedStatement find = ledger.connection().prepareStatement("SELECT source_object, target_version, seq "
          + "FROM records WHERE target_table = ? AND target_id = ? AND outcome IN ('created', 'updated', 'restored', "
          + "'deleted') ORDER BY seq DESC")) {
        for (String id : targetIds) {
          Jdbc.bind(find, targetTable, id);
          try (ResultSet row = find.executeQuery()) {
            while (row.next()) {
              if (ignored.test(row.getString(1))) continue;
              result.put(id, new Version(row.getLong(3), row.getString(2)));
              break;
            }
          }
        }
      }
      return result;
    });
  }

  /** The version (ETag, or null) a write left a row at, and the write's place in the ledger. */
  public record Version(long seq, String version) {}

  /**
   * One page of a run's entries other than the records it skipped unchanged, in ledger order: the
   * records the run wrote, or tried to (failed, quarantined, in doubt). {@code fmap reconcile --run}
   * checks exactly these. Page with {@code afterSeq} = the last seq of the previous page (0 first).
   */
  public List<LedgerEntry> attemptedBy(long runId, long afterSeq, int limit) {
    return ledger.read(() -> Jdbc.list(ledger.connection(), "SELECT " + Ledger.prefixed("r", Ledger.ENTRY_COLUMNS)
        + " FROM records r WHERE r.run_id = ? AND r.seq > ? AND (r.outcome IS NULL OR r.outcome <> 'skipped') "
        + "ORDER BY r.seq LIMIT ?", Ledger::entry, runId, afterSeq, limit));
  }

  /**
   * Rows this run wrote that a later forward write touched again: undoing this run would overwrite
   * that later work, so rollback refuses them unless forced.
   *
   * @return at most {@code limit} of them, in the order this run wrote them
   */
  public List<LaterWrite> laterWrites(long runId, int limit) {
    return ledger.read(() -> Jdbc.list(ledger.connection(), "SELECT r.target_table, r.target_id, MIN(l.run_id) "
        + "FROM records r JOIN records l ON l.target_table = r.target_table AND l.target_id = r.target_id "
        + "AND l.seq > r.seq AND l.run_id <> r.run_id JOIN runs lu ON lu.id = l.run_id "
        + "WHERE r.run_id = ? AND r.outcome IN ('created', 'updated', 'deleted') AND " + forward("l", "lu")
        + " GROUP BY r.seq, r.target_table, r.target_id ORDER BY r.seq LIMIT ?",
        row -> new LaterWrite(row.getString(1), row.getString(2), row.getLong(3)), runId, limit));
  }
}
