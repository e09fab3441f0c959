package io.fmap.runtime.cutover;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the cutover verbs all ask of the plan, the target schema and the ledger. */
final class Lookups {
  private static final int PAGE = 1000;

  private Lookups() {}

  /** The tables the plan writes records of a source object to, by name. */
  static List<String> tablesOf(CompiledPlan plan, String sourceObject) {
    return plan.router(sourceObject).map(r -> r.maps().stream().map(MapTransform::targetTable).distinct().sorted()
        .toList()).orElse(List.of());
  }

  static Table table(SystemSchema schema, String name) {
    return schema.table(name).orElseThrow(() -> new IllegalArgumentException("table '" + name
        + "' is not in the Dataverse schema; run 'fmap schema pull'"));
  }

  /** Source id → target id of every write that stands for the object in the table, paged through the ledger. */
  static Map<String, String> standing(Ledger ledger, String sourceObject, String table) {
    Map<String, String> out = new TreeMap<>();
    String after = "";
    for (int page = 0; page < Integer.MAX_VALUE; page++) {
      List<LedgerEntry> entries = ledger.history().standing(sourceObject, table, after, PAGE);
      entries.forEach(e -> out.put(e.key().sourceId(), e.targetId()));
      if (entries.size() < PAGE) break;
      after = entries.get(entries.size() - 1).key().sourceId();
    }
    return out;
  }
}
