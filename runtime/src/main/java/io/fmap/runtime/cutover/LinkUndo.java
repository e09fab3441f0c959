package io.fmap.runtime.cutover;

import io.fmap.runtime.api.Association;
import io.fmap.runtime.ledger.LedgerEntry;
import java.util.UUID;

/**
 * A many-to-many link a run made, to undo ({@code DELETE set(rowId)/nav(otherId)/$ref}) before any row.
 *
 * @param entry   the run's ledger entry of the link
 * @param rowId   the row on the association's own side
 * @param otherId the other row, or null when no write of it stands any more (the link went with it)
 */
public record LinkUndo(Association association, LedgerEntry entry, UUID rowId, UUID otherId) {
  /** Between the two source ids in a link's ledger key ({@code prj-1→con-7}), as the association pass writes it. */
  static final String ARROW = "→";
}
