package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.target.EntityRef;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.schema.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns rows into Web API bodies. The rules that live here:
 * <ul>
 *   <li>lookups are bound by navigation property: {@code "parentcustomerid_account@odata.bind": "/accounts(...)"};</li>
 *   <li>key columns are not repeated in the body of an upsert by key (the URL carries them);</li>
 *   <li>every row carries its primary id, chosen by fmap from the table and the source key, so that a
 *       create that is sent twice is a duplicate-key answer, not a duplicate row, and the ledger learns
 *       the id without a read-back;</li>
 *   <li>{@code overriddencreatedon} is valid on create only: dropped when the ledger says the row exists;</li>
 *   <li>an activity's {@code statecode}/{@code statuscode} go in a second write: activities are created
 *       open and closed afterwards, because state is not valid on create and a closed activity is read-only.</li>
 * </ul>
 */
final class RowBodies {
  static final Set<String> STATE = Set.of("statecode", "statuscode");

  private RowBodies() {}

  /** The id fmap gives a row it writes by key or creates: stable across runs. */
  static UUID idFor(String table, RowAddress address, String sourceId) {
    if (address instanceof RowAddress.ById byId) return byId.id();
    if (address instanceof RowAddress.New created) return created.id();
    String name = "fmap:" + table + ":" + ODataKeys.key(address);
    return NameUuids.of(name);
  }

  /** The first write of a row, and for a closed activity its state change (else null). */
  static PreparedRow[] prepare(Table table, int index, RowWrite row) {
    RowAddress address = row.address();
    UUID id = idFor(table.name(), address, row.sourceId());
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode state = Json.MAPPER.createObjectNode();
    boolean deep = false;
    Set<String> keyColumns = address instanceof RowAddress.ByKey k ? k.values().keySet() : Set.of();
    for (Map.Entry<String, Object> e : row.body().entrySet()) {
      String column = e.getKey();
      if (keyColumns.contains(column) || column.equals(table.primaryIdColumn())) continue;
      if (column.equals("overriddencreatedon") && address instanceof RowAddress.ById) continue;
      if (table.activity() && STATE.contains(column) && e.getValue() != null) {
        state.set(column, value(e.getValue()));
        continue;
      }
      if (e.getValue() instanceof EntityRef ref) {
        body.put(column + "@odata.bind", "/" + ODataKeys.path(ref.entitySet(), ref.address()));
        continue;
      }
      if (e.getValue() instanceof List<?>) deep = true;
      body.set(column, value(e.getValue()));
    }
    if (table.primaryIdColumn() != null) body.put(table.primaryIdColumn(), id.toString());
    PreparedRow first = new PreparedRow(index, row.sourceId(), address, id, body, false, deep);
    if (state.isEmpty()) return new PreparedRow[] {first};
    // An open activity's default status would be replaced by the closed one: send both together.
    RowAddress same = address instanceof RowAddress.New ? new RowAddress.ById(id) : address;
    PreparedRow close = new PreparedRow(index, row.sourceId(), same, id, state, true, false);
    return new PreparedRow[] {first, close};
  }

  private static JsonNode value(Object v) {
    if (v == null) return Json.MAPPER.nullNode();
    if (v instanceof EntityRef ref) {
      return Json.MAPPER.getNodeFactory().textNode("/" + ODataKeys.path(ref.entitySet(), ref.address()));
    }
    if (v instanceof List<?> list) {
      var array = Json.MAPPER.createArrayNode();
      for (Object item : list) array.add(item instanceof Map<?, ?> m ? related(m) : value(item));
      return array;
    }
    if (v instanceof Map<?, ?> m) return related(m);
    if (v instanceof BigDecimal d) return Json.MAPPER.getNodeFactory().numberNode(d);
    if (v instanceof BigInteger i) return Json.MAPPER.getNodeFactory().numberNode(i);
    // The usual scalars directly: valueToTree serializes into a token buffer and parses it back,
    // which was a fifth of the CPU of preparing bodies (JFR, LoadBenchmark's null-target phase).
    if (v instanceof String s) return Json.MAPPER.getNodeFactory().textNode(s);
    if (v instanceof Boolean b) return Json.MAPPER.getNodeFactory().booleanNode(b);
    if (v instanceof Integer i) return Json.MAPPER.getNodeFactory().numberNode(i);
    if (v instanceof Long l) return Json.MAPPER.getNodeFactory().numberNode(l);
    return Json.MAPPER.valueToTree(v);
  }

  /** A deep-inserted related row (an activity party): its lookups bind like the parent's. */
  private static ObjectNode related(Map<?, ?> m) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    m.forEach((k, v) -> {
      if (v instanceof EntityRef ref) {
        o.put(k + "@odata.bind", "/" + ODataKeys.path(ref.entitySet(), ref.address()));
      } else {
        o.set(String.valueOf(k), value(v));
      }
    });
    return o;
  }
}
