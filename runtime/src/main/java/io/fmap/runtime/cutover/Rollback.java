package io.fmap.runtime.cutover;

import io.fmap.runtime.api.Association;
import io.fmap.runtime.dataverse.SchemaRemover;
import io.fmap.runtime.ledger.AppliedSchemaChange;
import io.fmap.runtime.ledger.Intent;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.ledger.LedgerHistory;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.Outcome;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.ledger.WriteKind;
import io.fmap.runtime.ledger.WriterLock;
import io.fmap.runtime.target.Link;
import io.fmap.runtime.target.WriteResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Undoes a run ({@code fmap rollback}): deletes the rows it created, children's tables first, and puts
 * back the before-images of rows it changed. The rollback is itself a run of mode {@code rollback} in
 * the ledger, announced batch by batch before anything is sent, so a crashed rollback resumes where it
 * stopped: what it already undid no longer appears among the run's undoable writes.
 */
public final class Rollback {

  /**
   * @param afterSeq undo only what came after this ledger position: 0 for the whole run, a checkpoint's
   *                 seq for {@code --to-checkpoint} (the run then stays standing, minus what was undone)
   * @param hook     called before each batch is announced (tests stop a rollback there, as a crash would)
   */
  public record Options(String who, boolean force, int batchSize, long afterSeq, BatchHook hook, boolean schema) {
    public Options {
      Objects.requireNonNull(who, "who");
      if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }

    public static Options of(String who) {
      return new Options(who, false, 100, 0, n -> { }, false);
    }

    public Options forced() {
      return new Options(who, true, batchSize, afterSeq, hook, schema);
    }

    public Options withBatchSize(int size) {
      return new Options(who, force, size, afterSeq, hook, schema);
    }

    public Options toCheckpoint(long seq) {
      return new Options(who, force, batchSize, seq, hook, schema);
    }

    public Options withHook(BatchHook h) {
      return new Options(who, force, batchSize, afterSeq, h, schema);
    }

    /**
     * Also removes the schema changes the run applied ({@code --schema}), after its rows. Without it they
     * stay, and {@code --all} passes over the runs of {@code fmap schema apply}.
     */
    public Options withSchema() {
      return new Options(who, force, batchSize, afterSeq, hook, true);
    }
  }

  /** Called with the number of the batch about to be announced (0, 1, ...). */
  @FunctionalInterface
  public interface BatchHook {
    void beforeBatch(int batch);
  }

  /**
   * What a rollback did.
   *
   * @param schemaRemoved schema changes taken out of the target ({@code --schema})
   * @param failed        the rows (or schema changes) the target refused to delete or restore (the rollback
   *                      run is then aborted and can be run again)
   */
  public record Result(Run rollbackRun, boolean resumed, long deleted, long restored, long schemaRemoved,
      List<Failure> failed) {
    public Result {
      failed = List.copyOf(failed);
    }

    public String toText() {
      StringBuilder out = new StringBuilder("rollback run " + rollbackRun.id() + (resumed ? " (resumed)" : "")
          + " of run " + rollbackRun.rollbackOf() + ": " + deleted + " rows deleted, " + restored + " restored, "
          + (schemaRemoved > 0 ? schemaRemoved + " schema changes removed, " : "") + failed.size() + " failed\n");
      failed.forEach(f -> out.append(f.line()));
      return out.toString();
    }
  }

  /** @param id the row, or null for a schema change ({@code table} then names the change) */
  public record Failure(String table, UUID id, String code, String message) {
    /** The failure code of a schema change the target would not remove (something depends on it). */
    public static final String SCHEMA_NOT_REMOVED = "SCHEMA_NOT_REMOVED";

    /** One indented line of a text report. */
    String line() {
      return "  " + table + (id == null ? "" : " " + id) + ": " + code + " " + message + "\n";
    }
  }

  private static final int PAGE = 1000;

  private final Ledger ledger;
  private final RollbackTarget target;
  private final UndoOrder order;
  private final Options options;

  public Rollback(Ledger ledger, RollbackTarget target, UndoOrder order, Options options) {
    this.ledger = ledger;
    this.target = target;
    this.order = order;
    this.options = options;
  }

  /** The dry run: reads the ledger, changes nothing. */
  public RollbackPlan plan(long runId) {
    Run run = ledger.run(runId).orElseThrow(() -> new LedgerException("the ledger " + ledger.location().redacted()
        + " has no run " + runId + "; `fmap report` lists the runs it has"));
    Map<String, List<LedgerEntry>> byRow = new LinkedHashMap<>();
    List<LedgerEntry> unresolved = new ArrayList<>();
    List<LinkUndo> links = new ArrayList<>();
    long before = Long.MAX_VALUE;
    for (int page = 0; page < Integer.MAX_VALUE; page++) {
      List<LedgerEntry> entries = ledger.history().undoable(runId, options.afterSeq(), before, PAGE);
      for (LedgerEntry e : entries) {
        Optional<Association> link = order.linkOf(e.key().sourceObject());
        if (e.targetId() == null) unresolved.add(e);
        else if (link.isPresent()) links.add(linkUndo(link.get(), e));
        else byRow.computeIfAbsent(rowOf(e.key()), k -> new ArrayList<>()).add(e);
      }
      if (entries.size() < PAGE) break;
      before = entries.get(entries.size() - 1).seq();
    }
    Map<String, Map<String, LedgerHistory.Version>> versions = new HashMap<>();
    byRow.values().stream().collect(java.util.stream.Collectors.groupingBy(l -> l.get(0).key().targetTable(),
        java.util.stream.Collectors.mapping(this::rowId, java.util.stream.Collectors.toList())))
        .forEach((table, ids) -> versions.put(table, ledger.history().lastVersions(table, ids,
            object -> order.linkOf(object).isPresent())));
    List<RowUndo> rows = new ArrayList<>();
    List<LedgerEntry> unrestorable = new ArrayList<>();
    for (List<LedgerEntry> entries : byRow.values()) {
      RowUndo.Action action = RowUndo.actionFor(entries);
      LedgerEntry newest = entries.get(0);
      String rowId = rowId(entries);
      // The newest of: any write found under the row's id (a later run's, a rollback's restore) and this
      // run's own newest write of the record (a later pass's entry may carry another id).
      LedgerHistory.Version byId = versions.get(newest.key().targetTable()).get(rowId);
      String version = byId != null && byId.seq() > newest.seq() ? byId.version() : newest.targetVersion();
      if (action == null) unrestorable.add(newest);
      else rows.add(new RowUndo(newest.key().targetTable(), UUID.fromString(rowId), action, entries, version));
    }
    // Tables in removal order; within a table the newest write first, as the run wrote them in reverse.
    rows.sort(Comparator.comparing(RowUndo::table, order.comparator())
        .thenComparing(r -> -r.entries().get(0).seq()));
    List<AppliedSchemaChange> schema = ledger.schemaChanges().stream()
        .filter(c -> c.runId() == runId && c.removedBy() == null).sorted(SchemaRemover.ORDER).toList();
    List<Long> laterRuns = schema.isEmpty() ? List.of() : ledger.runs().stream()
        .filter(r -> r.id() > runId && r.mode() != RunMode.ROLLBACK && r.mode() != RunMode.SCHEMA
            && r.status() != RunStatus.ROLLED_BACK).map(Run::id).toList();
    return new RollbackPlan(run, links, rows, unresolved, unrestorable,
        ledger.history().laterWrites(runId, RollbackPlan.LATER_WRITES_SHOWN), schema, options.schema(), laterRuns);
  }

  /**
   * The row an entry is about: its record's, whichever pass wrote it. fmap's later passes
   * ({@code Deal~state}, {@code ~lookups}, {@code ~files}) write the record's row again under their own
   * key, so the record, not the entry's id, names the row: ledgers written before the state pass recorded
   * the row's own id hold, for a row the org already had, the id fmap would have given it. A close the run
   * recorded ({@code Deal~close}) is a row of its own table, so a row of its own here.
   */
  private static String rowOf(RecordKey key) {
    return key.targetTable() + "/" + recordObject(key.sourceObject()) + "/" + key.sourceId();
  }

  private static String recordObject(String sourceObject) {
    int pass = sourceObject.indexOf('~');
    return pass < 0 ? sourceObject : sourceObject.substring(0, pass);
  }

  /**
   * The row's id: the record's own write's in this run, else the record's standing write's (a run that
   * only wrote a later pass of it: in an older ledger its state entry may carry a derived id), else the entry's.
   */
  private String rowId(List<LedgerEntry> entries) {
    for (LedgerEntry e : entries) {
      if (!e.key().sourceObject().contains("~")) return e.targetId();
    }
    LedgerEntry any = entries.get(0);
    RecordKey record = new RecordKey(recordObject(any.key().sourceObject()), any.key().sourceId(), any.key().targetTable());
    LedgerEntry standing = ledger.history().lastLanded(List.of(record)).get(record);
    return standing != null && standing.targetId() != null ? standing.targetId() : any.targetId();
  }

  /**
   * A link entry ({@code Project~fmap_project_contact}, source id {@code prj-1→con-7}) with both row ids:
   * its own row's from the entry, the other's from the other record's standing write. No standing write
   * means that row is gone, and the link with it.
   */
  private LinkUndo linkUndo(Association association, LedgerEntry entry) {
    String id = entry.key().sourceId();
    int arrow = id.indexOf(LinkUndo.ARROW);
    String otherId = arrow < 0 ? null : id.substring(arrow + LinkUndo.ARROW.length());
    LedgerEntry other = otherId == null ? null : ledger.history().lastLanded(List.of(new RecordKey(
        association.otherObject(), otherId, association.otherTable()))).values().stream().findFirst().orElse(null);
    return new LinkUndo(association, entry, UUID.fromString(entry.targetId()),
        other == null || other.targetId() == null ? null : UUID.fromString(other.targetId()));
  }

  /**
   * Undoes the run, resuming an interrupted rollback of it when there is one.
   *
   * @throws RollbackRefused when the plan has blockers (see {@link RollbackPlan#blockers})
   * @throws IOException     when the target cannot be reached; the rollback run stays open to resume
   */
  public Result execute(long runId) throws IOException {
    try (WriterLock lock = ledger.lockForWriting("fmap rollback " + runId + " by " + options.who())) {
      RollbackPlan plan = plan(runId);
      List<String> blockers = plan.blockers(options.force());
      if (!blockers.isEmpty()) throw new RollbackRefused(runId, blockers);
      Run open = ledger.unfinishedRuns().stream()
          .filter(r -> r.mode() == RunMode.ROLLBACK && Objects.equals(r.rollbackOf(), runId)).findFirst().orElse(null);
      boolean resumed = open != null;
      Run rollback = resumed ? open : ledger.startRollback(runId, options.who(), plan.run().planHash());
      long[] done = new long[2];
      List<Failure> failed = new ArrayList<>();
      int batchNumber = 0;
      // Links first: undoing them needs both rows, and on a row an earlier run created they would stay.
      for (List<LinkUndo> batch : linkBatches(plan.links())) {
        options.hook().beforeBatch(batchNumber++);
        disassociate(rollback.id(), batch, failed);
      }
      for (List<RowUndo> batch : batches(plan.rows())) {
        options.hook().beforeBatch(batchNumber++);
        undo(rollback.id(), batch, done, failed);
      }
      boolean whole = options.afterSeq() == 0;
      long schemaRemoved = failed.isEmpty() && whole && options.schema() ? removeSchema(rollback.id(), plan, failed) : 0;
      Run finished = ledger.finishRun(rollback.id(), failed.isEmpty() ? RunStatus.COMPLETED : RunStatus.ABORTED);
      if (failed.isEmpty() && whole) ledger.markRolledBack(runId);
      return new Result(finished, resumed, done[0], done[1], schemaRemoved, failed);
    }
  }

  /**
   * Takes the run's schema changes out of the target, after its rows, in removal order (N:N, keys, options,
   * lookups, columns, tables). Each one removed is marked in the ledger at once, so a rollback stopped here
   * resumes with the rest. Stops at the first the target refuses: what comes after it depends on it.
   */
  private long removeSchema(long rollbackRun, RollbackPlan plan, List<Failure> failed) {
    long removed = 0;
    for (AppliedSchemaChange change : plan.schemaChanges()) {
      try {
        target.removeSchemaChange(change);
      } catch (IOException e) {
        failed.add(new Failure(SchemaRemover.describe(change), null, Failure.SCHEMA_NOT_REMOVED, e.getMessage()
            + "; fix that, then run the same rollback again to remove the rest"));
        break;
      }
      ledger.markSchemaChangeRemoved(change.id(), rollbackRun);
      removed++;
    }
    return removed;
  }

  /**
   * Rolls back every standing run of the project, newest first ({@code --all}): each later run is undone
   * before the runs whose rows it touched, so none of them meets later work. Stops at the first run
   * whose rollback does not complete.
   */
  public List<Result> executeAll() throws IOException {
    List<Run> runs = new ArrayList<>(ledger.runs().stream()
        .filter(r -> r.mode() != RunMode.ROLLBACK && r.status() != RunStatus.ROLLED_BACK)
        .filter(r -> options.schema() || r.mode() != RunMode.SCHEMA).toList());
    runs.sort(Comparator.comparingLong(Run::id).reversed());
    List<Result> results = new ArrayList<>();
    for (Run run : runs) {
      Result result = execute(run.id());
      results.add(result);
      if (!result.failed().isEmpty()) break;
    }
    return results;
  }

  /** Links of one association, at most a batch size of them. */
  private List<List<LinkUndo>> linkBatches(List<LinkUndo> links) {
    List<List<LinkUndo>> batches = new ArrayList<>();
    List<LinkUndo> current = new ArrayList<>();
    for (LinkUndo link : links) {
      if (!current.isEmpty() && (current.size() == options.batchSize()
          || !link.association().equals(current.get(0).association()))) {
        batches.add(current);
        current = new ArrayList<>();
      }
      current.add(link);
    }
    if (!current.isEmpty()) batches.add(current);
    return batches;
  }

  private void disassociate(long rollbackRun, List<LinkUndo> batch, List<Failure> failed) throws IOException {
    Set<RecordKey> accepted = new HashSet<>(ledger.intend(rollbackRun, batch.stream()
        .map(l -> new Intent(l.entry().key(), WriteKind.DELETE, l.entry().targetId(), null, null)).toList()));
    List<LinkUndo> sending = batch.stream().filter(l -> accepted.contains(l.entry().key())).toList();
    List<Outcome> outcomes = new ArrayList<>();
    // A link whose other row is gone went with that row: nothing to send.
    sending.stream().filter(l -> l.otherId() == null).forEach(l -> outcomes.add(new Outcome.Landed(l.entry().key(),
        Operation.DELETED, l.entry().targetId(), null)));
    List<LinkUndo> sent = sending.stream().filter(l -> l.otherId() != null).toList();
    if (!sent.isEmpty()) {
      Association a = sent.get(0).association();
      List<WriteResult> results = target.disassociate(a.table(), a.navigationProperty(), a.otherTable(),
          sent.stream().map(l -> new Link(l.entry().key().sourceId(), l.rowId(), l.otherId())).toList());
      if (results.size() != sent.size()) {
        throw new IOException("the target answered " + results.size() + " results for " + sent.size() + " links of "
            + a.relationship() + "; the rollback stays open and the next `fmap rollback` resumes it");
      }
      for (int i = 0; i < sent.size(); i++) {
        LinkUndo l = sent.get(i);
        WriteResult r = results.get(i);
        if (r.ok()) {
          outcomes.add(new Outcome.Landed(l.entry().key(), Operation.DELETED, l.entry().targetId(), null));
        } else {
          failed.add(new Failure(a.relationship(), l.rowId(), r.errorCode(), r.message()));
          outcomes.add(new Outcome.Failed(l.entry().key(), r.errorCode(), r.message()));
        }
      }
    }
    ledger.settle(rollbackRun, outcomes);
  }

  /** Consecutive rows of one table and action, at most a batch size of them. */
  private List<List<RowUndo>> batches(List<RowUndo> rows) {
    List<List<RowUndo>> batches = new ArrayList<>();
    List<RowUndo> current = new ArrayList<>();
    for (RowUndo row : rows) {
      if (!current.isEmpty() && (current.size() == options.batchSize() || !row.table().equals(current.get(0).table())
          || row.action() != current.get(0).action())) {
        batches.add(current);
        current = new ArrayList<>();
      }
      current.add(row);
    }
    if (!current.isEmpty()) batches.add(current);
    return batches;
  }

  private void undo(long rollbackRun, List<RowUndo> batch, long[] done, List<Failure> failed) throws IOException {
    RowUndo.Action action = batch.get(0).action();
    WriteKind kind = action == RowUndo.Action.DELETE ? WriteKind.DELETE : WriteKind.RESTORE;
    List<Intent> intents = new ArrayList<>();
    for (RowUndo row : batch) {
      for (LedgerEntry e : row.entries()) intents.add(new Intent(e.key(), kind, e.targetId(), null, null));
    }
    Set<RecordKey> accepted = new HashSet<>(ledger.intend(rollbackRun, intents));
    List<RowUndo> sending = batch.stream()
        .filter(r -> r.entries().stream().anyMatch(e -> accepted.contains(e.key()))).toList();
    if (sending.isEmpty()) return;
    String table = batch.get(0).table();
    List<WriteResult> results = action == RowUndo.Action.DELETE
        ? target.delete(table, sending.stream().map(r -> new RollbackTarget.Removal(r.id(),
            options.force() ? null : r.version())).toList())
        : target.restore(table, sending.stream().map(r -> new RollbackTarget.Restore(r.id(), r.beforeImage(),
            options.force() ? null : r.version(), r.closedByRun())).toList());
    if (results.size() != sending.size()) {
      throw new IOException("the target answered " + results.size() + " results for " + sending.size() + " rows of "
          + table + "; the rollback stays open and the next `fmap rollback` resumes it");
    }
    Operation landed = action == RowUndo.Action.DELETE ? Operation.DELETED : Operation.RESTORED;
    // The version a restore leaves is recorded: rolling back an earlier run of the same row checks against it.
    Map<UUID, String> restoredVersions = action == RowUndo.Action.DELETE ? Map.of() : target.versions(table,
        java.util.stream.IntStream.range(0, sending.size()).filter(i -> results.get(i).ok()).mapToObj(i -> sending.get(i).id())
            .toList());
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < sending.size(); i++) {
      RowUndo row = sending.get(i);
      WriteResult result = results.get(i);
      if (result.ok()) {
        done[action == RowUndo.Action.DELETE ? 0 : 1]++;
      } else {
        failed.add(new Failure(table, row.id(), result.errorCode(), result.message()));
      }
      for (LedgerEntry e : row.entries()) {
        if (!accepted.contains(e.key())) continue;
        outcomes.add(result.ok() ? new Outcome.Landed(e.key(), landed, e.targetId(), restoredVersions.get(row.id()))
            : new Outcome.Failed(e.key(), result.errorCode(), result.message()));
      }
    }
    ledger.settle(rollbackRun, outcomes);
  }
}
