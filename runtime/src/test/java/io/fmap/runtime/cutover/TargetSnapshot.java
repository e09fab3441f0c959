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
    return of(fx, List.of());
  }

  /** The same, leaving out more columns as well. */
  static Map<String, List<Map<String, Object>>> of(MigratedFixture fx, List<String> alsoIgnored) {
    Map<String, List<Map<String, Object>>> state = new TreeMap<>();
    for (String table : TABLES) {
      state.put(table, fx.dataverse().rows(table).stream().map(row -> {
        Map<String, Object> columns = new TreeMap<>();
        row.fields().forEachRemaining(f -> {
          if (!SYSTEM_COLUMNS.contains(f.getKey()) && !alsoIgnored.contains(f.getKey())) columns.put(f.getKey(), f.getValue().toString());
        });
        return (Map<String, Object>) columns;
      }).sorted(Comparator.comparing(Map::toString)).toList());
    }
    return state;
  }

  /** The rows in one snapshot and not in the other, for an assertion message short enough to read. */
  static String difference(Map<String, List<Map<String, Object>>> expected,
      Map<String, List<Map<String, Object>>> actual) {
    StringBuilder out = new StringBuilder();
    for (String table : TABLES) {
      List<Map<String, Object>> missing = new java.util.ArrayList<>(expected.getOrDefault(table, List.of()));
      missing.removeAll(actual.getOrDefault(table, List.of()));
      List<Map<String, Object>> extra = new java.util.ArrayList<>(actual.getOrDefault(table, List.of()));
      extra.removeAll(expected.getOrDefault(table, List.of()));
      missing.forEach(r -> out.append(table).append(" expected ").append(r).append('\n'));
      extra.forEach(r -> out.append(table).append(" found    ").append(r).append('\n'));
    }
    return out.toString();
  }
}
