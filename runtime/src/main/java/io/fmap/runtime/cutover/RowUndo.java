package io.fmap.runtime.cutover;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.Operation;
import io.fmap.runtime.ledger.WriteKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What undoing a run means for one target row: all of the run's entries about that row (a row can have
 * several: its first write and the second pass that set its deferred lookups) and the one action that
 * undoes them together.
 *
 * @param entries the run's entries about the row, newest first
 * @param version the version fmap's newest write of the row left it at (any run's, a rollback's restore
 *                included), or null when the ledger has none: the undo happens only while the row has it
 */
record RowUndo(String table, UUID id, Action action, List<LedgerEntry> entries, String version) {

  enum Action {
    /** the run created the row (or may have: a create left in doubt) */
    DELETE,
    /** the run changed or deleted a row that was there before: put its before-image back */
    RESTORE
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  RowUndo {
    entries = List.copyOf(entries);
  }

  /** The action for a row, or null when an entry changed it without leaving a before-image. */
  static Action actionFor(List<LedgerEntry> entries) {
    boolean created = entries.stream().anyMatch(e -> e.outcome() == Operation.CREATED
        || (e.inDoubt() && (e.kind() == WriteKind.CREATE || e.kind() == WriteKind.UPSERT) && e.beforeImage() == null));
    if (created) return Action.DELETE;
    return entries.stream().allMatch(e -> e.beforeImage() != null) ? Action.RESTORE : null;
  }

  /** Whether the run's state pass closed the row ({@code Deal~state}): it is read-only until reopened. */
  boolean closedByRun() {
    return entries.stream().anyMatch(e -> e.key().sourceObject().endsWith(STATE_PASS) && e.outcome() != null
        && e.outcome().landed());
  }

  /** The ledger suffix of the executor's state pass ({@code BatchWriter.STATE_SUFFIX}). */
  private static final String STATE_PASS = "~state";

  /** The row as it was before the run: the oldest before-image wins for a column written twice. */
  Map<String, Object> beforeImage() {
    Map<String, Object> columns = new LinkedHashMap<>();
    // Entries come newest first: the oldest image is put last and so wins.
    for (LedgerEntry entry : entries) {
      try {
        columns.putAll(MAPPER.readValue(entry.beforeImage(), new TypeReference<Map<String, Object>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException("the ledger's before-image of " + entry.key() + " is not JSON", e);
      }
    }
    return columns;
  }
}
