package io.fmap.runtime.cutover;

import io.fmap.runtime.ledger.AppliedSchemaChange;
import io.fmap.runtime.target.Link;
import io.fmap.runtime.target.WriteResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What rollback asks of the target, beyond what a load needs: removing rows and putting columns
 * back. Results come one per row in the order given; {@link WriteResult#sourceId()} carries the row id.
 */
public interface RollbackTarget {

  /**
   * Deletes rows by id. A row that is already gone counts as deleted: that is what was asked. A row whose
   * version is no longer the one given (someone changed it after the run created it) is left as it is
   * and comes back failed with {@link #CHANGED_IN_TARGET}.
   */
  List<WriteResult> delete(String table, List<Removal> rows) throws IOException;

  /**
   * Undoes many-to-many links, each {@link Link#id()} on {@code table}'s side, through its navigation
   * property. A link already gone counts as undone.
   */
  List<WriteResult> disassociate(String table, String navigationProperty, String otherTable, List<Link> links)
      throws IOException;

  /** The rows' versions (ETags) now; a row the target does not have is left out. */
  Map<UUID, String> versions(String table, List<UUID> ids) throws IOException;

  /**
   * Writes a row's before-image back by id: its columns as they were, lookups included (a null lookup
   * is cleared). A row the run deleted comes back, since the write is an upsert by id. A row whose
   * version is no longer the one given (someone changed it after the run) is left as it is and comes
   * back failed with {@link #CHANGED_IN_TARGET}.
   */
  List<WriteResult> restore(String table, List<Restore> rows) throws IOException;

  /**
   * Takes a schema change fmap applied out of the target ({@code rollback --schema}). One already gone
   * counts as removed.
   *
   * @throws IOException with the target's reason when it refuses (something else depends on it)
   */
  void removeSchemaChange(AppliedSchemaChange change) throws IOException;

  /** The failure code of a row changed in the target after the run wrote it. */
  String CHANGED_IN_TARGET = "CHANGED_IN_TARGET";

  /**
   * One row to put back.
   *
   * @param columns column (logical name) → value as the before-image holds it (a lookup as an id, or as
   *                {@code {"table": ..., "id": ...}})
   * @param version the version the run left the row with; the restore happens only while the row still
   *                has it. Null restores whatever the row holds now ({@code --force}, or a run that
   *                recorded no version)
   * @param reopen  the run closed the row (WinOpportunity, LoseOpportunity, a completed activity): a closed
   *                row is read-only, so it is set back to the open state first ({@code statecode} 0 with the
   *                {@code statuscode} of the before-image, the one update Dataverse allows on it; the open
   *                state's default reason when the image has none), then its other columns are put back
   */
  record Restore(UUID id, Map<String, Object> columns, String version, boolean reopen) {}

  /**
   * One row to delete.
   *
   * @param version the version the run left the row with; null deletes whatever the row holds now
   */
  record Removal(UUID id, String version) {}
}
