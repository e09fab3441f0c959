package io.fmap.runtime.dataverse;

import io.fmap.runtime.api.ActivityParty;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.target.EntityRef;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.schema.SystemSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generated code's {@link TargetRow} in Dataverse terms: values in their Web API JSON form,
 * lookups, owner and activity parties bound by navigation property to the entity set the
 * Dataverse schema names.
 */
public final class TargetRows {
  private TargetRows() {}

  public static RowWrite toWrite(TargetRow row, SystemSchema schema) {
    Map<String, Object> body = new LinkedHashMap<>();
    row.columns().forEach((column, value) -> body.put(column, value(value)));
    row.lookups().values().forEach(ref -> body.put(ref.navigationProperty(), entity(ref, schema)));
    if (row.owner() != null) body.put(row.owner().navigationProperty(), entity(row.owner(), schema));
    if (!row.parties().isEmpty()) {
      List<Map<String, Object>> parties = new ArrayList<>();
      for (ActivityParty p : row.parties()) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("participationtypemask", p.role().mask());
        if (p.party() != null) party.put(p.party().navigationProperty(), entity(p.party(), schema));
        if (p.addressUsed() != null) party.put("addressused", p.addressUsed());
        parties.add(party);
      }
      body.put(row.table() + "_activity_parties", parties);
    }
    return new RowWrite(row.source().id(), address(row.key()), body);
  }

  static RowAddress address(TargetKey key) {
    if (key instanceof TargetKey.ById byId) return new RowAddress.ById(byId.id());
    return new RowAddress.ByKey(((TargetKey.ByAlternateKey) key).values());
  }

  private static EntityRef entity(TargetRef ref, SystemSchema schema) {
    String set = schema.table(ref.table()).map(t -> t.entitySetName()).orElseThrow(() -> new IllegalArgumentException(
        "lookup to table '" + ref.table() + "', which is not in the Dataverse schema; run 'fmap schema pull'"));
    return new EntityRef(set, address(ref.key()));
  }

  /** Dates as {@code yyyy-MM-dd}, instants as UTC ISO-8601, several options as {@code "1,2"}. */
  static Object value(Object v) {
    if (v instanceof LocalDate d) return d.format(DateTimeFormatter.ISO_LOCAL_DATE);
    if (v instanceof Instant i) return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    if (v instanceof List<?> options) return options.stream().map(String::valueOf).collect(Collectors.joining(","));
    return v;
  }
}
