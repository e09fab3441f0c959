package io.fmap.runtime.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit report reads from the ledger: per-object counts, errors grouped by code, throttle
 * waits. Every list comes in a fixed order so that reports built from it are deterministic.
 */
public final class LedgerAudit {

  /**
   * A run's entries for one source object and target table, by outcome.
   *
   * @param inDoubt writes announced and never answered (an interrupted run)
   */
  public record ObjectCounts(String sourceObject, String targetTable, long created, long updated, long skipped,
      long failed, long quarantined, long deleted, long restored, long inDoubt) {}

  /** One failed or quarantined record, as an example of its error code. */
  public record ErrorExample(RecordKey key, String message) {}

  /**
   * The failed and quarantined records of a run that share an error code.
   *
   * @param examples the first few, by source object and id
   */
  public record ErrorGroup(String code, long count, List<ErrorExample> examples) {}

  /** The waits the target imposed on a run. */
  public record ThrottleSummary(long waits, long totalMillis, long longestMillis) {}

  private final Ledger ledger;

  LedgerAudit(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Counts by source object and target table, in that order. */
  public List<ObjectCounts> counts(long runId) {
    record Group(String sourceObject, String targetTable, Operation outcome, long count) {}
    return ledger.read(() -> {
      Map<List<String>, long[]> byPair = new LinkedHashMap<>();
      for (Group group : Jdbc.list(ledger.connection(), "SELECT source_object, target_table, outcome, COUNT(*) "
              + "FROM records WHERE run_id = ? GROUP BY source_object, target_table, outcome "
              + "ORDER BY source_object, target_table",
          r -> new Group(r.getString(1), r.getString(2), Operation.of(r.getString(3)), r.getLong(4)), runId)) {
        // One slot per operation, and a last one for the entries still in doubt.
        long[] counts = byPair.computeIfAbsent(List.of(group.sourceObject(), group.targetTable()),
            k -> new long[Operation.values().length + 1]);
        counts[group.outcome() == null ? Operation.values().length : group.outcome().ordinal()] += group.count();
      }
      List<ObjectCounts> result = new ArrayList<>();
      byPair.forEach((pair, c) -> result.add(new ObjectCounts(pair.get(0), pair.get(1),
          c[Operation.CREATED.ordinal()], c[Operation.UPDATED.ordinal()], c[Operation.SKIPPED.ordinal()],
          c[Operation.FAILED.ordinal()], c[Operation.QUARANTINED.ordinal()], c[Operation.DELETED.ordinal()],
          c[Operation.RESTORED.ordinal()], c[Operation.values().length])));
      return result;
    });
  }

  /** Failed and quarantined records grouped by code, the commonest code first (ties by code). */
  public List<ErrorGroup> errorsByCode(long runId, int examplesPerCode) {
    return ledger.read(() -> {
      List<ErrorGroup> groups = new ArrayList<>();
      record Code(String code, long count) {}
      List<Code> codes = Jdbc.list(ledger.connection(), "SELECT error_code, COUNT(*) AS n FROM records "
              + "WHERE run_id = ? AND outcome IN ('failed', 'quarantined') GROUP BY error_code "
              + "ORDER BY n DESC, error_code",
          r -> new Code(r.getString(1), r.getLong(2)), runId);
      for (Code code : codes) {
        List<ErrorExample> examples = Jdbc.list(ledger.connection(), "SELECT source_object, source_id, "
                + "target_table, error_message FROM records WHERE run_id = ? AND error_code = ? "
                + "AND outcome IN ('failed', 'quarantined') ORDER BY source_object, source_id, target_table LIMIT ?",
            r -> new ErrorExample(new RecordKey(r.getString(1), r.getString(2), r.getString(3)), r.getString(4)),
            runId, code.code(), examplesPerCode);
        groups.add(new ErrorGroup(code.code(), code.count(), examples));
      }
      return groups;
    });
  }

  /** The throttle waits of a run, summed. */
  public ThrottleSummary throttle(long runId) {
    return ledger.read(() -> Jdbc.first(ledger.connection(), "SELECT COUNT(*), COALESCE(SUM(waited_ms), 0), "
            + "COALESCE(MAX(waited_ms), 0) FROM throttle_waits WHERE run_id = ?",
        r -> new ThrottleSummary(r.getLong(1), r.getLong(2), r.getLong(3)), runId).orElseThrow());
  }

  /** The checkpoints of a run, oldest first. */
  public List<Checkpoint> checkpoints(long runId) {
    return ledger.checkpoints().stream().filter(c -> c.runId() == runId).toList();
  }
}
