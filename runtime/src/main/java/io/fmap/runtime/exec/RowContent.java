package io.fmap.runtime.exec;

import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.ContentHash;
import io.fmap.schema.SystemSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the ledger keeps of a mapped row before it is sent: its content hash (columns, lookups,
 * owner, parties — any change to what is sent changes it) and its id when fmap knows it beforehand.
 * The wire form itself is the connector's ({@code TargetConnector.writeRows}).
 */
final class RowContent {
  private RowContent() {}

  /** The target id the write will have when the row is written by id; null for an alternate key. */
  static String knownId(TargetKey key) {
    return key instanceof TargetKey.ById byId ? byId.id().toString() : null;
  }

  static String hash(TargetRow row) {
    Map<String, Object> content = new TreeMap<>();
    // A TreeMap, not a collector: collectors refuse null values, and null is a cleared column.
    content.put("columns", new TreeMap<>(row.columns()));
    Map<String, Object> lookups = new TreeMap<>();
    row.lookups().forEach((column, ref) -> lookups.put(column, describe(ref)));
    content.put("lookups", lookups);
    content.put("owner", row.owner() == null ? null : describe(row.owner()));
    content.put("parties", row.parties().stream()
        .map(p -> p.role() + ":" + (p.party() == null ? "" : describe(p.party())) + ":"
            + (p.addressUsed() == null ? "" : p.addressUsed()))
        .collect(Collectors.joining("|")));
    return ContentHash.of(content);
  }

  /**
   * A table the row refers to (itself, a lookup, its owner, a party) that the target schema does
   * not have: the connector could not address it, so the record is set aside instead of failing its batch.
   */
  static Optional<String> unknownTable(TargetRow row, SystemSchema target) {
    List<String> tables = new ArrayList<>();
    tables.add(row.table());
    row.lookups().values().forEach(ref -> tables.add(ref.table()));
    if (row.owner() != null) tables.add(row.owner().table());
    for (ActivityParty party : row.parties()) {
      if (party.party() != null) tables.add(party.party().table());
    }
    return tables.stream().filter(t -> target.table(t).isEmpty()).findFirst();
  }

  private static String describe(TargetRef ref) {
    return ref.table() + "/" + ref.navigationProperty() + "/" + ref.key();
  }
}
