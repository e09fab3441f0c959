package io.fmap.runtime.cutover;

import io.fmap.runtime.dataverse.SchemaRemover;
import io.fmap.runtime.ledger.AppliedSchemaChange;
import io.fmap.runtime.ledger.LaterWrite;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What rolling back a run would do (the dry run, {@code fmap rollback RUN} without {@code --yes}):
 * the rows to delete and restore per table, in the order they would go, and what stands in the way.
 *
 * @param links        the many-to-many links the run made, to undo before any row
 * @param rows         the rows to undo, in removal order (children's tables first, newest first within a table)
 * @param unresolved   writes left in doubt whose row id nobody knows: the row cannot be found to undo it
 * @param unrestorable rows the run changed without keeping their before-image
 * @param laterWrites  rows of this run a later run wrote again (a sample of them)
 * @param schemaChanges the schema changes the run applied that are still in place, in removal order
 * @param removeSchema  whether the rollback removes them ({@code --schema}); otherwise they stay
 * @param laterRuns     data runs after this one that still stand: with {@code --schema} they may hold
 *                      values in the columns and tables about to be removed
 */
public record RollbackPlan(Run run, List<LinkUndo> links, List<RowUndo> rows, List<LedgerEntry> unresolved, List<LedgerEntry> unrestorable,
    List<LaterWrite> laterWrites, List<AppliedSchemaChange> schemaChanges, boolean removeSchema, List<Long> laterRuns) {

  /** How many later writes a plan lists: enough to see which run to roll back first. */
  static final int LATER_WRITES_SHOWN = 20;

  public RollbackPlan {
    links = List.copyOf(links);
    rows = List.copyOf(rows);
    unresolved = List.copyOf(unresolved);
    unrestorable = List.copyOf(unrestorable);
    laterWrites = List.copyOf(laterWrites);
    schemaChanges = List.copyOf(schemaChanges);
    laterRuns = List.copyOf(laterRuns);
  }

  /**
   * The plan as part of undoing several runs ({@code --all}), where the listed ones are undone first: their
   * writes and their standing no longer stand in the way.
   */
  public RollbackPlan alongWith(Set<Long> undoneFirst) {
    return new RollbackPlan(run, links, rows, unresolved, unrestorable,
        laterWrites.stream().filter(w -> !undoneFirst.contains(w.laterRunId())).toList(), schemaChanges, removeSchema,
        laterRuns.stream().filter(r -> !undoneFirst.contains(r)).toList());
  }

  public long deletes() {
    return rows.stream().filter(r -> r.action() == RowUndo.Action.DELETE).count();
  }

  public long restores() {
    return rows.stream().filter(r -> r.action() == RowUndo.Action.RESTORE).count();
  }

  /** Why rollback would refuse; {@code force} accepts the risks (later work, rows left as they are). */
  public List<String> blockers(boolean force) {
    List<String> reasons = new ArrayList<>();
    if (run.mode() == RunMode.ROLLBACK) {
      reasons.add("run " + run.id() + " is itself a rollback (of run " + run.rollbackOf() + "); run the load again instead");
    }
    if (run.status() == RunStatus.ROLLED_BACK) {
      reasons.add("run " + run.id() + " was already rolled back");
    }
    if (run.mode() == RunMode.SCHEMA && !removeSchema) {
      reasons.add("run " + run.id() + " applied schema changes and wrote no rows; add --schema to remove them");
    }
    if (force) return reasons;
    if (removeSchema && !schemaChanges.isEmpty() && !laterRuns.isEmpty()) {
      reasons.add("later runs still stand (first: run " + laterRuns.get(0) + ") and may hold values in the "
          + "schema this removes; roll them back first (--all does), or add --force to remove it anyway");
    }
    if (!laterWrites.isEmpty()) {
      LaterWrite first = laterWrites.get(0);
      reasons.add("later runs wrote " + (laterWrites.size() >= LATER_WRITES_SHOWN ? "at least " : "")
          + laterWrites.size() + " of its rows again (first: " + first.targetTable() + " " + first.targetId()
          + " in run " + first.laterRunId() + "); roll those runs back first, or add --force to overwrite their work");
    }
    if (!unresolved.isEmpty()) {
      reasons.add(unresolved.size() + " writes are in doubt without a row id (first: " + unresolved.get(0).key()
          + "); `fmap migrate` resumes the run and settles them, or add --force to leave them");
    }
    if (!unrestorable.isEmpty()) {
      reasons.add(unrestorable.size() + " rows were changed without a before-image (first: "
          + unrestorable.get(0).key() + "); add --force to leave them as they are");
    }
    return reasons;
  }

  public String toText(boolean force) {
    StringBuilder out = new StringBuilder();
    out.append("rollback of run ").append(run.id()).append(" (").append(run.mode().name().toLowerCase(Locale.ROOT))
        .append(", by ").append(run.who()).append(", plan ").append(run.planHash()).append(")\n");
    Map<String, long[]> perTable = new LinkedHashMap<>();
    for (RowUndo row : rows) {
      perTable.computeIfAbsent(row.table(), t -> new long[2])[row.action() == RowUndo.Action.DELETE ? 0 : 1]++;
    }
    Map<String, Long> perLink = new LinkedHashMap<>();
    links.forEach(l -> perLink.merge(l.association().relationship(), 1L, Long::sum));
    perLink.forEach((rel, n) -> out.append("  ").append(rel).append(": disassociate ").append(n).append(" links\n"));
    if (perTable.isEmpty() && links.isEmpty() && !(removeSchema && !schemaChanges.isEmpty())) {
      out.append("  nothing to undo\n");
    }
    perTable.forEach((table, n) -> out.append("  ").append(table).append(": delete ").append(n[0])
        .append(", restore ").append(n[1]).append('\n'));
    for (LedgerEntry e : unresolved) out.append("  in doubt, row unknown: ").append(e.key()).append('\n');
    for (LedgerEntry e : unrestorable) out.append("  no before-image: ").append(e.key()).append('\n');
    for (AppliedSchemaChange c : schemaChanges) {
      if (removeSchema) out.append("  schema: remove ").append(SchemaRemover.describe(c)).append('\n');
    }
    if (!removeSchema && !schemaChanges.isEmpty()) {
      out.append("  schema changes stay: ").append(schemaChanges.size()).append(" (add --schema to remove them)\n");
    }
    for (LaterWrite w : laterWrites) {
      out.append("  written again by run ").append(w.laterRunId()).append(": ").append(w.targetTable()).append(' ')
          .append(w.targetId()).append('\n');
    }
    List<String> blockers = blockers(force);
    if (!blockers.isEmpty()) out.append("refused:\n  ").append(String.join("\n  ", blockers)).append('\n');
    return out.toString();
  }
}
