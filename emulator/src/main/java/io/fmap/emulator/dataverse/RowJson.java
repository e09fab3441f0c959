package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.Column;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rows as the Web API shows them: {@code @odata.etag}, plain columns by logical name, lookups as
 * {@code _<column>_value} (with their target table as an annotation when asked for).
 */
final class RowJson {
  private RowJson() {}

  /** The property name a column has in query results and in {@code $select} / {@code $filter}. */
  static String property(Column c) {
    return Catalog.isLookup(c.type()) ? "_" + c.name() + "_value" : c.name();
  }

  /** The column behind a query property, if there is one. */
  static Optional<Column> column(Table table, String property) {
    return ColumnIndex.of(table).property(property);
  }

  /** Resolves {@code $select}: null means every column; unknown names are OData's 400. */
  static List<Column> select(Table table, String select) {
    if (select == null || select.isBlank()) return table.columns();
    Set<Column> out = new LinkedHashSet<>();
    for (String p : select.split(",")) {
      String name = p.trim();
      out.add(column(table, name).orElseThrow(() -> DataverseError.noSuchProperty(name, table.name())));
    }
    ColumnIndex.of(table).column(table.primaryIdColumn()).ifPresent(out::add);
    return new ArrayList<>(out);
  }

  static ObjectNode render(Table table, Row row, List<Column> columns, boolean annotations) {
    ObjectNode o = Json.object();
    o.put("@odata.etag", row.etag());
    for (Column c : columns) {
      String property = property(c);
      JsonNode v = c.name().equals(table.primaryIdColumn()) ? Json.MAPPER.valueToTree(row.id().toString()) : row.get(c.name());
      o.set(property, v == null ? NullNode.getInstance() : v);
      if (annotations && Catalog.isLookup(c.type()) && row.lookups().containsKey(c.name())) {
        o.put(property + "@Microsoft.Dynamics.CRM.lookuplogicalname", row.lookups().get(c.name()));
      }
    }
    return o;
  }
}
