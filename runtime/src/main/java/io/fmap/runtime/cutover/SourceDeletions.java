package io.fmap.runtime.cutover;

import io.fmap.runtime.ledger.ContentHash;
import io.fmap.runtime.ledger.Intent;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.Outcome;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.ledger.WriteKind;
import io.fmap.runtime.target.CurrentRow;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code fmap delta --apply-deletes}: deletes in the target the rows of records the source no longer
 * has. It is a run of its own (mode {@code delta}), children's tables first; each row is read before
 * it is deleted and its before-image (every column a restore can write) is announced with the delete,
 * so rolling that run back brings the rows back under their own ids.
 */
public final class SourceDeletions {
  /** Columns a restore cannot write: the platform sets them, or they are not plain row columns. */
  private static final Set<ColumnType> NOT_RESTORED = Set.of(ColumnType.ID, ColumnType.STATE, ColumnType.STATUS,
      ColumnType.LOOKUP_LIST, ColumnType.TEXT_LIST, ColumnType.FILE);
  private static final int BATCH = 100;

  /**
   * @param run     the run that deleted, or null when nothing was to delete (no run is started then)
   * @param failed  rows the target refused to delete (the run then ends {@code aborted})
   */
  public record Result(Run run, long deleted, long alreadyGone, List<Rollback.Failure> failed) {
    public Result {
      failed = List.copyOf(failed);
    }

    public String toText() {
      if (run == null) return "deleted in the source: nothing to delete in the target\n";
      StringBuilder out = new StringBuilder("deletes run " + run.id() + ": " + deleted + " rows deleted, "
          + alreadyGone + " already gone, " + failed.size() + " failed (`fmap rollback " + run.id()
          + "` brings them back)\n");
      failed.forEach(f -> out.append(f.line()));
      return out.toString();
    }
  }

  private final Ledger ledger;
  private final TargetConnector reader;
  private final RollbackTarget deleter;
  private final SystemSchema schema;
  private final UndoOrder order;

  /**
   * @param reader  reads each row before it is deleted
   * @param deleter deletes rows (a row already gone counts as deleted)
   */
  public SourceDeletions(Ledger ledger, TargetConnector reader, RollbackTarget deleter, SystemSchema schema,
      UndoOrder order) {
    this.ledger = ledger;
    this.reader = reader;
    this.deleter = deleter;
    this.schema = schema;
    this.order = order;
  }

  /**
   * Deletes the standing rows of the given records ({@link Delta.Result#deletedInSource()}). The caller
   * holds the ledger's writer lock, as for the delta pass itself.
   *
   * @throws IOException when the target cannot be reached; the run stays open and `fmap rollback` of it
   *                     restores what it deleted
   */
  public Result apply(List<RecordKey> gone, String who, String planHash) throws IOException {
    if (gone.isEmpty()) return new Result(null, 0, 0, List.of());
    Map<String, List<RecordKey>> byTable = new TreeMap<>(order.comparator());
    gone.forEach(k -> byTable.computeIfAbsent(k.targetTable(), t -> new ArrayList<>()).add(k));
    Run run = ledger.startRun(RunMode.DELTA, who, planHash);
    long[] counts = new long[2];
    List<Rollback.Failure> failed = new ArrayList<>();
    for (Map.Entry<String, List<RecordKey>> table : byTable.entrySet()) {
      Map<String, String> targetIds = new TreeMap<>();
      table.getValue().stream().map(RecordKey::sourceObject).distinct()
          .forEach(object -> targetIds.putAll(prefixed(object, Lookups.standing(ledger, object, table.getKey()))));
      List<RecordKey> keys = table.getValue();
      for (int from = 0; from < keys.size(); from += BATCH) {
        delete(run.id(), table.getKey(), keys.subList(from, Math.min(keys.size(), from + BATCH)), targetIds,
            counts, failed);
      }
    }
    Run finished = ledger.finishRun(run.id(), failed.isEmpty() ? RunStatus.COMPLETED : RunStatus.ABORTED);
    return new Result(finished, counts[0], counts[1], failed);
  }

  private static Map<String, String> prefixed(String object, Map<String, String> bySourceId) {
    Map<String, String> out = new TreeMap<>();
    bySourceId.forEach((id, target) -> out.put(object + "/" + id, target));
    return out;
  }

  /** One batch: read, announce with before-images, delete, settle. */
  private void delete(long runId, String tableName, List<RecordKey> keys, Map<String, String> targetIds,
      long[] counts, List<Rollback.Failure> failed) throws IOException {
    Table table = Lookups.table(schema, tableName);
    List<RecordKey> known = keys.stream()
        .filter(k -> targetIds.get(k.sourceObject() + "/" + k.sourceId()) != null).toList();
    List<UUID> ids = known.stream().map(k -> UUID.fromString(targetIds.get(k.sourceObject() + "/" + k.sourceId())))
        .toList();
    Map<UUID, CurrentRow> rows = reader.rows(tableName, ids, restorable(table));
    List<Intent> intents = new ArrayList<>();
    List<Outcome> alreadyGone = new ArrayList<>();
    List<RecordKey> sending = new ArrayList<>();
    List<UUID> sendingIds = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      CurrentRow row = rows.get(ids.get(i));
      if (row == null) {
        alreadyGone.add(new Outcome.Skipped(known.get(i), "deleted in the source, and already gone from the target",
            null));
        continue;
      }
      intents.add(new Intent(known.get(i), WriteKind.DELETE, ids.get(i).toString(), null,
          ContentHash.canonicalJson(row.columns())));
      sending.add(known.get(i));
      sendingIds.add(ids.get(i));
    }
    if (!alreadyGone.isEmpty()) {
      ledger.settle(runId, alreadyGone);
      counts[1] += alreadyGone.size();
    }
    if (sending.isEmpty()) return;
    Set<RecordKey> accepted = new HashSet<>(ledger.intend(runId, intents));
    // Rows deleted in the source go whatever their version: the source's deletion is the newer fact.
    List<WriteResult> results = deleter.delete(tableName, sendingIds.stream()
        .map(id -> new RollbackTarget.Removal(id, null)).toList());
    if (results.size() != sendingIds.size()) {
      throw new IOException("the target answered " + results.size() + " results for " + sendingIds.size()
          + " deletes in " + tableName + "; the deletes stay in doubt");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < sending.size(); i++) {
      RecordKey key = sending.get(i);
      if (!accepted.contains(key)) continue;
      WriteResult r = results.get(i);
      if (r.ok()) {
        counts[0]++;
        outcomes.add(new Outcome.Landed(key, Operation.DELETED, sendingIds.get(i).toString(), null));
      } else {
        failed.add(new Rollback.Failure(tableName, sendingIds.get(i), r.errorCode(), r.message()));
        outcomes.add(new Outcome.Failed(key, r.errorCode(), r.message()));
      }
    }
    ledger.settle(runId, outcomes);
  }

  /** Every column a restore by id can write back: valid on create and update, not set by the platform. */
  private static List<String> restorable(Table table) {
    return table.columns().stream()
        .filter(c -> c.validForCreate() && c.validForUpdate() && !NOT_RESTORED.contains(c.type())
            && !c.name().equals(table.primaryIdColumn()))
        .map(Column::name).toList();
  }
}
