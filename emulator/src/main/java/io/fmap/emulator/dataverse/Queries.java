package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.Column;
import io.fmap.schema.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Collection queries: {@code $select}, {@code $filter}, {@code $orderby}, {@code $top},
 * {@code $count}, and paging by {@code Prefer: odata.maxpagesize} (at most 5000) with an
 * {@code @odata.nextLink} that carries a {@code $skiptoken}.
 */
final class Queries {
  static final int MAX_PAGE = 5000;
  private static final List<String> SUPPORTED = List.of("$select", "$filter", "$orderby", "$top", "$count", "$skiptoken");

  private final Store store;

  Queries(Store store) { this.store = store; }

  ApiResponse query(Table table, ApiRequest request, String baseUrl) {
    for (String option : request.query().keySet()) {
      if (option.startsWith("$") && !SUPPORTED.contains(option)) {
        throw DataverseError.badRequest(DataverseError.ODATA, "The query option '" + option
            + "' is not supported by the fmap emulator; supported: " + String.join(", ", SUPPORTED) + ".");
      }
    }
    List<Column> columns = RowJson.select(table, request.query().get("$select"));
    Filter filter = request.query().containsKey("$filter") ? Filter.parse(request.query().get("$filter")) : null;
    if (filter != null) for (String path : Filter.paths(filter)) checkPath(table, path);
    Comparator<Row> order = order(table, request.query().get("$orderby"));
    Integer top = intOption(request, "$top");
    int pageSize = pageSize(request);
    int skip = request.query().containsKey("$skiptoken") ? skipToken(request.query().get("$skiptoken")) : 0;

    List<Row> matching = new ArrayList<>();
    Map<String, Accessor> accessors = new java.util.HashMap<>();
    if (filter != null) for (String path : Filter.paths(filter)) accessors.put(path, accessor(table, path));
    for (Row row : candidates(table, filter)) {
      if (filter == null || Filter.test(filter, path -> accessors.get(path).get(row))) matching.add(row);
    }
    matching.sort(order);
    int total = matching.size();
    if (top != null && matching.size() > top) matching = new ArrayList<>(matching.subList(0, top));
    int end = Math.min(matching.size(), skip + pageSize);
    List<Row> page = skip >= matching.size() ? List.of() : matching.subList(skip, end);

    boolean annotations = request.prefers("odata.include-annotations");
    ObjectNode root = Json.object();
    root.put("@odata.context", baseUrl + "$metadata#" + table.entitySetName());
    if ("true".equals(request.query().get("$count"))) root.put("@odata.count", total);
    ArrayNode value = root.putArray("value");
    for (Row r : page) value.add(RowJson.render(table, r, columns, annotations));
    if (end < matching.size()) root.put("@odata.nextLink", nextLink(baseUrl, table, request, end));
    ApiResponse response = ApiResponse.json(200, Json.write(root), page.size());
    if (request.preference("odata.maxpagesize") != null) {
      response = response.withHeader("Preference-Applied", "odata.maxpagesize=" + pageSize);
    }
    return response;
  }

  /**
   * The rows a filter can match. A filter that pins the primary id or the column of a one-column
   * alternate key to literals ({@code k eq 'a' or k eq 'b'}, also under an {@code and}) is answered
   * from the id map or the key's index, as SQL Server answers it from an index; anything else reads
   * every row. Candidates still go through the whole filter, so the index only has to find a
   * superset of the matches.
   */
  private Iterable<Row> candidates(Table table, Filter filter) {
    Store.TableRows rows = store.rows(table.name());
    Equalities pinned = filter == null ? null : Equalities.of(filter);
    if (pinned == null) return rows.rows.values();
    if (pinned.path().equals(table.primaryIdColumn())) {
      java.util.Set<Row> out = new java.util.LinkedHashSet<>();
      for (String literal : pinned.literals()) {
        if (literal.length() != 36) continue; // only a canonical GUID's text equals a row id
        try {
          Row row = rows.rows.get(UUID.fromString(literal));
          if (row != null) out.add(row);
        } catch (IllegalArgumentException notAGuid) {
          // matches no row id
        }
      }
      return out;
    }
    for (io.fmap.schema.AlternateKey key : store.catalog().activeKeys(table.name())) {
      if (!key.columns().equals(List.of(pinned.path()))) continue;
      Column column = ColumnIndex.of(table).column(pinned.path()).orElse(null);
      if (column == null || column.type() != io.fmap.schema.ColumnType.TEXT) break;
      List<Row> out = new ArrayList<>();
      java.util.Set<UUID> seen = new java.util.HashSet<>();
      for (String literal : pinned.literals()) {
        // The index holds text lower-cased (as upserts by key compare it); the filter ignores case. Both agree on ASCII.
        if (!literal.chars().allMatch(ch -> ch < 128)) return rows.rows.values();
        rows.byKey(key, List.of(literal.toLowerCase(Locale.ROOT))).filter(seen::add)
            .map(rows.rows::get).ifPresent(out::add);
      }
      return out;
    }
    return rows.rows.values();
  }

  /** A filter reduced to "this path equals one of these text literals", when it says that much. */
  private record Equalities(String path, List<String> literals) {
    static Equalities of(Filter f) {
      if (f instanceof Filter.Compare c && c.op().equals("eq")) {
        Filter.Operand path = c.left() instanceof Filter.Path ? c.left() : c.right();
        Filter.Operand literal = path == c.left() ? c.right() : c.left();
        if (path instanceof Filter.Path p && literal instanceof Filter.Literal l && l.value().isTextual()) {
          return new Equalities(p.path(), List.of(l.value().asText()));
        }
        return null;
      }
      if (f instanceof Filter.Or o) {
        Equalities left = of(o.left());
        Equalities right = of(o.right());
        if (left == null || right == null || !left.path().equals(right.path())) return null;
        List<String> both = new ArrayList<>(left.literals());
        both.addAll(right.literals());
        return new Equalities(left.path(), both);
      }
      if (f instanceof Filter.And a) {
        Equalities left = of(a.left());
        return left != null ? left : of(a.right());
      }
      return null;
    }
  }

  private static int pageSize(ApiRequest request) {
    String v = request.preference("odata.maxpagesize");
    if (v == null) return MAX_PAGE;
    try {
      int n = Integer.parseInt(v.trim());
      return Math.max(1, Math.min(MAX_PAGE, n));
    } catch (NumberFormatException e) {
      return MAX_PAGE;
    }
  }

  private static Integer intOption(ApiRequest request, String option) {
    String v = request.query().get(option);
    if (v == null) return null;
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw DataverseError.badRequest(DataverseError.ODATA, "Invalid value '" + v + "' for " + option + "; a non-negative integer is expected.");
    }
  }

  private static int skipToken(String token) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw DataverseError.badRequest(DataverseError.ODATA, "The $skiptoken '" + token + "' is not valid; follow @odata.nextLink as given.");
    }
  }

  private static String nextLink(String baseUrl, Table table, ApiRequest request, int next) {
    Map<String, String> q = new TreeMap<>(request.query());
    q.put("$skiptoken", String.valueOf(next));
    StringBuilder b = new StringBuilder(baseUrl).append(table.entitySetName()).append('?');
    boolean first = true;
    for (Map.Entry<String, String> e : q.entrySet()) {
      if (!first) b.append('&');
      first = false;
      b.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return b.toString();
  }

  private void checkPath(Table table, String path) {
    int slash = path.indexOf('/');
    if (slash < 0) {
      if (RowJson.column(table, path).isEmpty()) throw DataverseError.noSuchProperty(path, table.name());
      return;
    }
    Catalog.Binding nav = store.catalog().navigation(table, path.substring(0, slash))
        .orElseThrow(() -> DataverseError.noSuchProperty(path.substring(0, path.indexOf('/')), table.name()));
    Table target = store.catalog().require(nav.targets().get(0));
    if (RowJson.column(target, path.substring(slash + 1)).isEmpty()) {
      throw DataverseError.noSuchProperty(path.substring(slash + 1), target.name());
    }
  }

  /** Reads one property path from a row; built once per query, not once per row. */
  interface Accessor {
    JsonNode get(Row row);
  }

  private Accessor accessor(Table table, String path) {
    if (path.indexOf('/') >= 0) return row -> resolve(table, row, path);
    Column c = RowJson.column(table, path).orElseThrow();
    if (c.name().equals(table.primaryIdColumn())) return row -> com.fasterxml.jackson.databind.node.TextNode.valueOf(row.id().toString());
    String name = c.name();
    return row -> {
      JsonNode v = row.get(name);
      return v == null ? NullNode.getInstance() : v;
    };
  }

  /** A filter path's value on one row: a column, a lookup id, or one column of the row a lookup points at. */
  JsonNode resolve(Table table, Row row, String path) {
    int slash = path.indexOf('/');
    if (slash >= 0) {
      Catalog.Binding nav = store.catalog().navigation(table, path.substring(0, slash)).orElseThrow();
      JsonNode id = row.get(nav.column().name());
      String targetTable = row.lookups().get(nav.column().name());
      if (id == null || id.isNull() || targetTable == null) return NullNode.getInstance();
      Optional<Row> target = store.get(targetTable, UUID.fromString(id.asText()));
      if (target.isEmpty()) return NullNode.getInstance();
      Table t = store.catalog().require(targetTable);
      return resolve(t, target.get(), path.substring(slash + 1));
    }
    Column c = RowJson.column(table, path).orElseThrow();
    if (c.name().equals(table.primaryIdColumn())) return Json.MAPPER.valueToTree(row.id().toString());
    JsonNode v = row.get(c.name());
    return v == null ? NullNode.getInstance() : v;
  }

  private Comparator<Row> order(Table table, String orderby) {
    // Without $orderby Dataverse returns rows by primary key.
    Comparator<Row> byId = Comparator.comparing(Row::id);
    if (orderby == null || orderby.isBlank()) return byId;
    Comparator<Row> out = null;
    for (String part : orderby.split(",")) {
      String[] words = part.trim().split("\\s+");
      String property = words[0];
      boolean desc = words.length > 1 && words[1].toLowerCase(Locale.ROOT).equals("desc");
      checkPath(table, property);
      Accessor get = accessor(table, property);
      Comparator<Row> c = (a, b) -> compareValues(get.get(a), get.get(b));
      if (desc) c = c.reversed();
      out = out == null ? c : out.thenComparing(c);
    }
    return out.thenComparing(byId);
  }

  /** Nulls first, numbers numerically, text case-insensitively. */
  private static int compareValues(JsonNode a, JsonNode b) {
    boolean an = a == null || a.isNull();
    boolean bn = b == null || b.isNull();
    if (an || bn) return an == bn ? 0 : an ? -1 : 1;
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
    return a.asText().toLowerCase(Locale.ROOT).compareTo(b.asText().toLowerCase(Locale.ROOT));
  }
}
