package io.fmap.runtime.exec;

import java.util.TreeMap;
import io.fmap.runtime.api.StateChange;
import io.fmap.runtime.api.TargetRow;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a row's state columns between its create and the state pass. Dataverse refuses a
 * {@code statecode} on create; a status reason of the open state is fine on create. So a row that
 * stays open is created with its status reason (and no state), and a row that leaves the open state
 * (a completed activity, a won deal) is created open and moved after the load.
 */
final class StateColumns {
  private StateColumns() {}

  /** The row as the first pass writes it. */
  static TargetRow forCreate(TargetRow row, Set<String> stateColumns) {
    if (stateColumns.isEmpty()) return row;
    TreeMap<String, Object> columns = new TreeMap<>();
    columns.putAll(row.columns());
    if (leavesOpenState(row)) {
      columns.keySet().removeAll(stateColumns);
    } else {
      columns.remove(StateChange.STATE_COLUMN);
    }
    return new TargetRow(row.map(), row.table(), row.source(), row.key(), columns, row.lookups(), row.owner(),
        row.parties());
  }

  /**
   * For a row that leaves the open state: its state columns, with the row's other set columns
   * riding along, because a close action records them (an opportunity's {@code actualvalue} and
   * {@code actualclosedate} become its {@code opportunityclose}'s revenue and end). Only the state
   * columns are written; empty for a row that stays open.
   */
  static Optional<TargetRow> afterLoad(TargetRow row, Set<String> stateColumns) {
    if (stateColumns.isEmpty() || !leavesOpenState(row)) return Optional.empty();
    TreeMap<String, Object> columns = new TreeMap<>();
    row.columns().forEach((column, value) -> {
      if (value != null) columns.put(column, value);
    });
    return Optional.of(new TargetRow(row.map(), row.table(), row.source(), row.key(), columns,
        new TreeMap<>(), null, List.of()));
  }

  private static boolean leavesOpenState(TargetRow row) {
    return row.columns().get(StateChange.STATE_COLUMN) instanceof Number n && n.intValue() != 0;
  }
}
