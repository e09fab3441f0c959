package io.fmap.runtime.cutover;

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

  /** Deletes rows by id. A row that is already gone counts as deleted: that is what was asked. */
  List<WriteResult> delete(String table, List<UUID> ids) throws IOException;

  /**
   * Writes a row's before-image back by id: its columns as they were, lookups included (a null lookup
   * is cleared). A row the run deleted comes back, since the write is an upsert by id.
   */
  List<WriteResult> restore(String table, List<Restore> rows) throws IOException;

  /** One row to put back: column (logical name) → value as the before-image holds it. */
  record Restore(UUID id, Map<String, Object> columns) {}
}
