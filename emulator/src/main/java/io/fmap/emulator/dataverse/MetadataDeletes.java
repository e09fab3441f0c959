package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Relationship;
import io.fmap.schema.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata deletes that undo what {@code schema apply} created ({@code fmap rollback --schema}):
 * {@code DELETE} of a table, a column, an alternate key and a relationship by their metadata URLs, and
 * the {@code DeleteOptionValue} action. As on an org, only custom components can be deleted, and a
 * component others depend on is refused until they are gone: a table another table looks up or an N:N
 * links, a column in a key. A lookup column goes with its 1:N relationship, not on its own.
 */
final class MetadataDeletes {
  private final Store store;

  MetadataDeletes(Store store) {
    this.store = store;
  }

  /** {@code DELETE EntityDefinitions(LogicalName='new_project')}: the table and all its rows. */
  ApiResponse table(Table table) {
    store.writeVoid(tx -> {
      Catalog c = store.catalog();
      requireCustom(table.custom(), "entity", table.name());
      for (Table other : c.tables()) {
        if (other.name().equals(table.name())) continue;
        for (Column col : other.columns()) {
          if (col.custom() && col.targets().stream().map(LookupTarget::table).anyMatch(table.name()::equals)) {
            throw dependency("entity " + table.name(), "the lookup " + other.name() + "." + col.name());
          }
        }
      }
      for (Relationship r : c.manyToMany()) {
        if (r.table1().equals(table.name()) || r.table2().equals(table.name())) {
          throw dependency("entity " + table.name(), "the N:N relationship " + r.name());
        }
      }
      c.removeTable(table.name());
      store.dropRows(table.name());
      // System lookups that may point at any table with notes or activities (annotation.objectid, regarding)
      // lose the deleted table as a target.
      for (Table other : c.tables()) {
        for (Column col : other.columns()) {
          if (col.targets().stream().noneMatch(t -> t.table().equals(table.name()))) continue;
          c.replaceColumn(other.name(), new Column(col.name(), col.displayName(), col.type(), col.maxLength(),
              col.precision(), col.minValue(), col.maxValue(), col.required(), col.validForCreate(), col.validForUpdate(),
              col.options(), col.targets().stream().filter(t -> !t.table().equals(table.name())).toList(), col.custom()));
        }
      }
      // The bulk-message filters Seed.messageFilters added for the table go with it.
      for (Row filter : store.all("sdkmessagefilter")) {
        JsonNode of = filter.get("primaryobjecttypecode");
        if (of != null && table.name().equals(of.asText())) tx.remove("sdkmessagefilter", filter.id());
      }
    });
    return ApiResponse.noContent(1);
  }

  /** {@code DELETE EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_tier')}: the values go too. */
  ApiResponse column(Table table, Column column) {
    store.writeVoid(tx -> {
      requireCustom(column.custom(), "attribute", table.name() + "." + column.name());
      if (Catalog.isLookup(column.type())) {
        throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The attribute '" + column.name()
            + "' is the lookup of a relationship; delete the relationship through RelationshipDefinitions instead.");
      }
      if (column.name().equals(table.primaryNameColumn())) {
        throw dependency("attribute " + column.name(), "the entity " + table.name() + " (its primary name)");
      }
      for (AlternateKey k : store.catalog().require(table.name()).keys()) {
        if (k.columns().contains(column.name())) throw dependency("attribute " + column.name(), "the key " + k.name());
      }
      dropColumn(tx, table.name(), column.name());
    });
    return ApiResponse.noContent(1);
  }

  /** {@code DELETE EntityDefinitions(LogicalName='account')/Keys(LogicalName='new_accountnumber_key')}. */
  ApiResponse key(Table table, EntityRef ref) {
    store.writeVoid(tx -> {
      Catalog.KeyState key = store.catalog().keys(table.name()).stream()
          .filter(k -> k.key().name().equals(ref.key().get("LogicalName"))
              || Catalog.metadataId("key", table.name(), k.key().name()).equals(ref.id()))
          .findFirst().orElseThrow(() -> new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST,
              "Could not find key " + ref.key().getOrDefault("LogicalName", String.valueOf(ref.id())) + " on entity "
                  + table.name() + "."));
      store.catalog().removeKey(table.name(), key.key().name());
      store.rows(table.name()).dropIndex(key.key().name());
    });
    return ApiResponse.noContent(1);
  }

  /**
   * {@code DELETE RelationshipDefinitions(SchemaName='new_account_project')} (or by MetadataId): an N:N with
   * its links, or a custom 1:N with its lookup column and the ids that column held.
   */
  ApiResponse relationship(EntityRef ref) {
    store.writeVoid(tx -> {
      Catalog c = store.catalog();
      String name = ref.key().get("SchemaName");
      Optional<Relationship> manyToMany = c.manyToMany().stream()
          .filter(r -> r.name().equalsIgnoreCase(String.valueOf(name)) || Catalog.metadataId("relationship", r.name()).equals(ref.id()))
          .findFirst();
      if (manyToMany.isPresent()) {
        requireCustom(manyToMany.get().custom(), "relationship", manyToMany.get().name());
        c.removeManyToMany(manyToMany.get().name());
        store.dropRows("intersect:" + manyToMany.get().intersectTable());
        return;
      }
      List<String> lookup = name == null ? null : c.oneToMany(name.toLowerCase(java.util.Locale.ROOT)).orElse(null);
      if (lookup == null) {
        throw new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST, "Could not find relationship "
            + (name != null ? name : ref.id()) + ".");
      }
      dropColumn(tx, lookup.get(0), lookup.get(1));
    });
    return ApiResponse.noContent(1);
  }

  /** {@code POST DeleteOptionValue} with {@code EntityLogicalName}, {@code AttributeLogicalName}, {@code Value}. */
  ApiResponse optionValue(ApiRequest request) {
    if (!request.method().equals("POST")) throw MetadataApi.methodNotAllowed(request.method());
    ObjectNode body = Json.body(request);
    String tableName = body.path("EntityLogicalName").asText(null);
    String columnName = body.path("AttributeLogicalName").asText(null);
    if (tableName == null || columnName == null || !body.path("Value").canConvertToInt()) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT,
          "DeleteOptionValue needs EntityLogicalName, AttributeLogicalName and Value.");
    }
    int value = body.get("Value").asInt();
    store.writeVoid(tx -> {
      Column column = store.catalog().require(tableName).column(columnName).orElseThrow(() -> new DataverseError(404,
          DataverseError.OBJECT_DOES_NOT_EXIST, "Could not find attribute " + columnName + " on entity " + tableName + "."));
      if (column.optionByValue(value).isEmpty()) {
        throw new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST, "The option " + value + " is not in '"
            + tableName + "." + columnName + "'.");
      }
      List<OptionValue> options = column.options().stream().filter(o -> o.value() == null || o.value() != value).toList();
      store.catalog().replaceColumn(tableName, new Column(column.name(), column.displayName(), column.type(),
          column.maxLength(), column.precision(), column.minValue(), column.maxValue(), column.required(),
          column.validForCreate(), column.validForUpdate(), options, column.targets(), column.custom()));
    });
    return ApiResponse.noContent(1);
  }

  /** Removes a column from the table's definition and its value from every row. */
  private void dropColumn(Store.Tx tx, String table, String column) {
    store.catalog().removeColumn(table, column);
    for (Row row : store.all(table)) {
      if (!row.values().containsKey(column) && !row.lookups().containsKey(column)) continue;
      Map<String, JsonNode> values = new HashMap<>(row.values());
      Map<String, String> lookups = new HashMap<>(row.lookups());
      values.remove(column);
      lookups.remove(column);
      tx.put(new Row(row.table(), row.id(), row.version(), values, lookups));
    }
  }

  private static void requireCustom(boolean custom, String kind, String name) {
    if (!custom) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The " + kind + " '" + name
          + "' is a system component and cannot be deleted; only custom components can.");
    }
  }

  private static DataverseError dependency(String what, String dependent) {
    return DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The " + what + " cannot be deleted because "
        + dependent + " depends on it; delete that first.");
  }
}
