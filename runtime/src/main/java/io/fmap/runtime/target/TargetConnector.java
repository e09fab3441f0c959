package io.fmap.runtime.target;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The target system as the executor sees it: no HTTP, no wire format. A row that the target
 * rejects comes back as a failed {@link WriteResult} with the server's reason; an exception means
 * the target could not be reached at all.
 */
public interface TargetConnector extends AutoCloseable {

  /** Writes rows of one table; one result per row, in the order given. */
  List<WriteResult> write(String table, List<RowWrite> rows) throws IOException;

  /** Writes rows the generated mapping code made (all of {@code table}); one result per row, in order. */
  List<WriteResult> writeRows(String table, List<io.fmap.runtime.api.TargetRow> rows) throws IOException;

  /**
   * What the target holds now for rows about to be written: for each row, the row found under its
   * key (alternate key or id) with the current values of the columns the write sets and its version,
   * or empty when there is none (the write will create it). One answer per row, in order; rows are
   * looked up a chunk at a time, never one request per row.
   */
  List<Optional<CurrentRow>> current(String table, List<io.fmap.runtime.api.TargetRow> rows) throws IOException;

  /**
   * Rows by id, each with its current version (ETag) and the current values of the given columns
   * (logical names; none for the version alone); an id the target does not have is left out. Read a
   * chunk of ids at a time, never one request per row.
   */
  Map<UUID, CurrentRow> rows(String table, List<UUID> ids, List<String> columns) throws IOException;

  /**
   * Moves existing rows to the state their {@code statecode} (and {@code statuscode}) columns give,
   * the way the target requires for the table (an update, or a close action that records the
   * close); one result per row, in order. A row already in that state is a success, so a resumed
   * run may send it again.
   */
  List<WriteResult> changeState(String table, List<io.fmap.runtime.api.TargetRow> rows) throws IOException;

  /**
   * The table of the activities that record a close of a {@code table} row as a side effect of
   * {@link #changeState} (Dataverse: WinOpportunity and LoseOpportunity make an {@code opportunityclose});
   * empty when its closes record nothing.
   */
  default Optional<String> closeRecordTable(String table) {
    return Optional.empty();
  }

  /**
   * The ids of the close activities ({@link #closeRecordTable}) each row has now, by row id: compared before
   * and after a state change, they tell which one the change made. Read a chunk of rows at a time.
   */
  default Map<UUID, Set<UUID>> closeRecords(String table, List<UUID> ids) throws IOException {
    return Map.of();
  }

  /**
   * Associates rows of {@code table} with rows of {@code otherTable} through the many-to-many
   * relationship reached by {@code navigationProperty}; one result per link, in order. A link that
   * already exists is a success: associating is idempotent, so a resumed run may send it again.
   */
  List<WriteResult> associate(String table, String navigationProperty, String otherTable, List<Link> links)
      throws IOException;

  /**
   * The largest file body, in bytes, a row of {@code table} takes inline (Dataverse: the org's
   * {@code maxuploadfilesize}); a larger one goes to {@link #storeLargeFile}. No limit by default.
   */
  default long maxFileBytes(String table) {
    return Long.MAX_VALUE;
  }

  /**
   * Keeps a file larger than {@link #maxFileBytes} outside the target (its large-file store) and
   * returns the columns that point the row to it instead of the body (a note's text with the link).
   */
  default Map<String, Object> storeLargeFile(String table, String sourceId, String fileName, InputStream body)
      throws IOException {
    throw new IOException("this target has no store for files larger than it takes (" + fileName + ")");
  }

  /** Rows in a table (exact, for reconciliation). */
  long count(String table) throws IOException;

  /** Every row of a table with the given columns, page by page (read-back, diff, reconciliation). */
  void read(String table, List<String> columns, String filter, Consumer<Map<String, Object>> sink) throws IOException;

  @Override void close();
}
