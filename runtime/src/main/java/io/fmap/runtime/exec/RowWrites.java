package io.fmap.runtime.exec;

import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.ContentHash;
import io.fmap.runtime.target.EntityRef;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one place where a mapped {@link TargetRow} becomes the connector's {@link RowWrite}: lookups,
 * the owner and activity parties become references by entity set, dates become ISO text and option
 * lists Dataverse's comma-separated form. Also the row's content hash, so that what the ledger
 * hashes is exactly what is sent.
 */
final class RowWrites {
  private final SystemSchema target;

  RowWrites(SystemSchema target) {
    this.target = target;
  }

  RowWrite toWrite(TargetRow row) {
    Map<String, Object> body = new LinkedHashMap<>();
    row.columns().forEach((column, value) -> body.put(column, plain(value)));
    row.lookups().values().forEach(ref -> body.put(ref.navigationProperty(), reference(ref)));
    if (row.owner() != null) body.put(row.owner().navigationProperty(), reference(row.owner()));
    if (!row.parties().isEmpty()) {
      List<Map<String, Object>> parties = new ArrayList<>();
      for (ActivityParty party : row.parties()) parties.add(party(party));
      body.put(row.table() + "_activity_parties", parties);
    }
    return new RowWrite(row.source().id(), address(row.key()), body);
  }

  /** The target id the write will have when fmap knows it beforehand (rows written by id). */
  static String knownId(TargetKey key) {
    return key instanceof TargetKey.ById byId ? byId.id().toString() : null;
  }

  /** {@code sha256:...} over columns, lookups, owner and parties: any change to what is sent changes it. */
  static String contentHash(TargetRow row) {
    Map<String, Object> content = new TreeMap<>();
    content.put("columns", new TreeMap<>(stringified(row.columns())));
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

  private static Map<String, Object> stringified(Map<String, Object> columns) {
    Map<String, Object> out = new TreeMap<>();
    // TreeMap rather than a collector: collectors refuse null values, and null is a cleared column.
    columns.forEach((column, value) -> out.put(column, plain(value)));
    return out;
  }

  private static String describe(TargetRef ref) {
    return ref.table() + "/" + ref.navigationProperty() + "/" + ref.key();
  }

  private Map<String, Object> party(ActivityParty party) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("participationtypemask", party.role().mask());
    if (party.party() != null) out.put(party.party().navigationProperty(), reference(party.party()));
    if (party.addressUsed() != null) out.put("addressused", party.addressUsed());
    return out;
  }

  private EntityRef reference(TargetRef ref) {
    Table table = target.table(ref.table()).orElseThrow(() -> new IllegalArgumentException(
        "the mapping refers to table " + ref.table() + ", which the target schema does not have; "
            + "run `fmap schema pull` and `fmap check`"));
    return new EntityRef(table.entitySetName(), address(ref.key()));
  }

  static RowAddress address(TargetKey key) {
    if (key instanceof TargetKey.ById byId) return new RowAddress.ById(byId.id());
    return new RowAddress.ByKey(((TargetKey.ByAlternateKey) key).values());
  }

  /** Values as the wire wants them: dates and instants as ISO text, several options as "1,2". */
  private static Object plain(Object value) {
    if (value instanceof LocalDate || value instanceof Instant) return value.toString();
    if (value instanceof List<?> options) {
      return options.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return value;
  }
}
