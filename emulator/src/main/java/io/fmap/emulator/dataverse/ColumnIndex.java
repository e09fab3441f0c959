package io.fmap.emulator.dataverse;

import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table's columns by logical name and by query property ({@code _x_value}), built once per
 * {@link Table} object. Why: every written row looks up each of its properties and a dozen
 * platform columns; {@link Table#column} scans the column list with a stream each time, which was
 * a large share of the emulator's CPU and allocation per row.
 *
 * <p>The catalog replaces a {@code Table} object whenever its metadata changes, so an index is
 * valid exactly as long as it was built from the very object asked about (compared by identity).
 */
record ColumnIndex(Table table, Map<String, Column> byName, Map<String, Column> byProperty, Column state,
                   Column status) {
  private static final Map<String, ColumnIndex> CACHE = new ConcurrentHashMap<>();

  static ColumnIndex of(Table table) {
    ColumnIndex cached = CACHE.get(table.name());
    if (cached != null && cached.table == table) return cached;
    ColumnIndex built = build(table);
    CACHE.put(table.name(), built);
    return built;
  }

  private static ColumnIndex build(Table table) {
    Map<String, Column> byName = new HashMap<>();
    Map<String, Column> byProperty = new HashMap<>();
    Column state = null;
    Column status = null;
    for (Column c : table.columns()) {
      byName.putIfAbsent(c.name(), c);
      byProperty.putIfAbsent(RowJson.property(c), c);
      if (state == null && c.type() == ColumnType.STATE) state = c;
      if (status == null && c.type() == ColumnType.STATUS) status = c;
    }
    return new ColumnIndex(table, Map.copyOf(byName), Map.copyOf(byProperty), state, status);
  }

  Optional<Column> column(String name) { return Optional.ofNullable(byName.get(name)); }

  boolean has(String name) { return byName.containsKey(name); }

  /** The column behind a query property ({@code name}, {@code _parentcustomerid_value}). */
  Optional<Column> property(String property) { return Optional.ofNullable(byProperty.get(property)); }

  Optional<Column> stateColumn() { return Optional.ofNullable(state); }

  Optional<Column> statusColumn() { return Optional.ofNullable(status); }
}
