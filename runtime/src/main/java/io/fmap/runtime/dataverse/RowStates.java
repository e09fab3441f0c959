package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.target.CurrentRow;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Reads rows before fmap writes or deletes them, and their versions after a write: one {@code $filter} GET per chunk of at
 * most {@link #CHUNK} rows ({@code key eq a or key eq b ...}), never one request per row. 50 GUIDs or
 * ordinary source ids make a URL of 3–4 KB, below the 8 KB that proxies commonly accept.
 */
final class RowStates {
  static final int CHUNK = 50;
  private static final String LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";
  private static final String ANNOTATIONS = "odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\"";

  private RowStates() {}

  /** For one chunk of rows: the row each addresses now, with the columns it writes, or empty. */
  static List<Optional<CurrentRow>> current(DataverseClient client, Table table, List<TargetRow> rows)
      throws IOException {
    Set<Column> written = new LinkedHashSet<>();
    Set<Column> keyColumns = new LinkedHashSet<>();
    Set<List<String>> keys = new LinkedHashSet<>();
    StringJoiner filter = new StringJoiner(" or ");
    for (TargetRow row : rows) {
      written.addAll(writtenColumns(table, row));
      filter.add(match(table, row.key(), keyColumns));
      if (row.key() instanceof TargetKey.ByAlternateKey k) keys.add(List.copyOf(k.values().keySet()));
    }
    Set<String> select = new LinkedHashSet<>();
    select.add(table.primaryIdColumn());
    written.forEach(c -> select.add(property(c)));
    keyColumns.forEach(c -> select.add(property(c)));
    List<JsonNode> found = query(client, table, select, filter.toString());

    Map<String, JsonNode> byAddress = new HashMap<>();
    for (JsonNode json : found) {
      byAddress.put("id:" + json.path(table.primaryIdColumn()).asText().toLowerCase(Locale.ROOT), json);
      for (List<String> key : keys) byAddress.put(keyText(table, json, key), json);
    }
    List<Optional<CurrentRow>> out = new ArrayList<>(rows.size());
    for (TargetRow row : rows) {
      JsonNode json = byAddress.get(address(row.key()));
      out.add(json == null ? Optional.empty() : Optional.of(new CurrentRow(
          UUID.fromString(json.path(table.primaryIdColumn()).asText()), version(json), values(json, writtenColumns(table, row)))));
    }
    return out;
  }

  /** For one chunk of ids: the rows that are there, with their versions and the given columns. */
  static Map<UUID, CurrentRow> byId(DataverseClient client, Table table, List<UUID> ids, List<String> columnNames)
      throws IOException {
    List<Column> columns = new ArrayList<>();
    for (String name : columnNames) {
      columns.add(table.column(name).orElseThrow(() -> new IllegalArgumentException("column '" + name
          + "' is not in the Dataverse schema of " + table.name() + "; run 'fmap schema pull'")));
    }
    Set<String> select = new LinkedHashSet<>();
    select.add(table.primaryIdColumn());
    columns.forEach(c -> select.add(property(c)));
    StringJoiner filter = new StringJoiner(" or ");
    ids.forEach(id -> filter.add(table.primaryIdColumn() + " eq " + id));
    Map<UUID, CurrentRow> out = new LinkedHashMap<>();
    for (JsonNode json : query(client, table, select, filter.toString())) {
      UUID id = UUID.fromString(json.path(table.primaryIdColumn()).asText());
      out.put(id, new CurrentRow(id, version(json), values(json, columns)));
    }
    return out;
  }

  private static List<JsonNode> query(DataverseClient client, Table table, Set<String> select, String filter)
      throws IOException {
    String path = table.entitySetName() + "?$select=" + String.join(",", select) + "&$filter="
        + ODataKeys.encode(filter);
    ApiResponse r = client.send(ApiRequest.get(path).withHeader("Prefer", ANNOTATIONS));
    if (!r.ok()) {
      throw new IOException("reading " + table.name() + " rows failed: " + r.error()
          + "; run the same command again");
    }
    List<JsonNode> rows = new ArrayList<>();
    r.json().path("value").forEach(rows::add);
    return rows;
  }

  /** The columns a row sets: plain columns, lookups and the owner (activity parties are not read back). */
  static List<Column> writtenColumns(Table table, TargetRow row) {
    List<Column> out = new ArrayList<>();
    row.columns().keySet().forEach(name -> table.column(name).ifPresent(out::add));
    row.lookups().keySet().forEach(name -> table.column(name).ifPresent(out::add));
    if (row.owner() != null) {
      table.columns().stream().filter(c -> c.type() == ColumnType.OWNER).findFirst().ifPresent(out::add);
    }
    return out;
  }

  /** Column → value as rollback writes it back; a lookup carries the table it points to. */
  private static Map<String, Object> values(JsonNode json, List<Column> columns) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column c : columns) {
      JsonNode value = json.get(property(c));
      if (value == null || value.isNull()) {
        out.put(c.name(), null);
      } else if (c.targets().isEmpty()) {
        out.put(c.name(), Json.MAPPER.convertValue(value, Object.class));
      } else {
        String target = json.path(property(c) + LOOKUP_TABLE).asText(c.targets().get(0).table());
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("table", target);
        ref.put("id", value.asText());
        out.put(c.name(), ref);
      }
    }
    return out;
  }

  private static String version(JsonNode json) {
    JsonNode etag = json.get("@odata.etag");
    return etag == null || etag.isNull() ? null : etag.asText();
  }

  /** The filter clause that finds the row a key addresses. */
  private static String match(Table table, TargetKey key, Set<Column> keyColumns) {
    if (key instanceof TargetKey.ById byId) return table.primaryIdColumn() + " eq " + byId.id();
    StringJoiner and = new StringJoiner(" and ", "(", ")");
    ((TargetKey.ByAlternateKey) key).values().forEach((name, value) -> {
      // A key column the schema does not know yet (created by this plan's schema changes) is a plain column.
      Column column = table.column(name).orElseGet(() -> Column.of(name, ColumnType.TEXT));
      keyColumns.add(column);
      and.add(property(column) + " eq " + literal(value));
    });
    return and.toString();
  }

  /** Matching text of a key: Dataverse compares text keys without regard to case. */
  private static String address(TargetKey key) {
    if (key instanceof TargetKey.ById byId) return "id:" + byId.id().toString().toLowerCase(Locale.ROOT);
    StringJoiner j = new StringJoiner("\u0000", "key:", "");
    ((TargetKey.ByAlternateKey) key).values().forEach((name, v) -> j.add(name + "=" + canonical(v)));
    return j.toString();
  }

  /** @param key the key's column names, sorted as {@link TargetKey.ByAlternateKey} sorts them */
  private static String keyText(Table table, JsonNode json, List<String> key) {
    StringJoiner j = new StringJoiner("\u0000", "key:", "");
    key.forEach(name -> {
      JsonNode v = json.path(property(table.column(name).orElseGet(() -> Column.of(name, ColumnType.TEXT))));
      j.add(name + "=" + (v.isNumber() ? canonical(v.decimalValue()) : canonical(v.asText())));
    });
    return j.toString();
  }

  private static String canonical(Object value) {
    if (value instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    return String.valueOf(value).toLowerCase(Locale.ROOT);
  }

  /** An OData literal inside {@code $filter} (encoded with the whole filter, not on its own). */
  private static String literal(Object value) {
    if (value instanceof Number || value instanceof Boolean || value instanceof UUID) return value.toString();
    return "'" + String.valueOf(value).replace("'", "''") + "'";
  }

  private static String property(Column c) {
    return c.targets().isEmpty() ? c.name() : "_" + c.name() + "_value";
  }
}
