package io.fmap.runtime.cutover;

import io.fmap.runtime.exec.MigratedFixture;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What "the target is as it was" compares: every row of the loaded tables, by content. */
final class TargetSnapshot {
  /** What the platform sets on every write: a restored row is the same row with a newer version. */
  private static final List<String> SYSTEM_COLUMNS = List.of("modifiedon", "versionnumber", "_modifiedby_value",
      "_modifiedonbehalfby_value", "@odata.etag");
  private static final List<String> TABLES = List.of("account", "contact");

  private TargetSnapshot() {}

  /** Every row of the loaded tables with the platform's bookkeeping columns left out, sorted. */
  static Map<String, List<Map<String, Object>>> of(MigratedFixture fx) {
    Map<String, List<Map<String, Object>>> state = new TreeMap<>();
    for (String table : TABLES) {
      state.put(table, fx.dataverse().rows(table).stream().map(row -> {
        Map<String, Object> columns = new TreeMap<>();
        row.fields().forEachRemaining(f -> {
          if (!SYSTEM_COLUMNS.contains(f.getKey())) columns.put(f.getKey(), f.getValue().toString());
        });
        return (Map<String, Object>) columns;
      }).sorted(Comparator.comparing(Map::toString)).toList());
    }
    return state;
  }
}
