package io.fmap.schema.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.Relationship;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts Spark CRM's {@code schema.json} (export files, or {@code GET /api/v1/schema}) into the
 * schema model. The format is described in {@code docs/spark-export-format.md}.
 *
 * <p>Errors name the object and field at fault, because a customer's hand-edited export is the
 * usual reason this fails.
 */
public final class SparkSchemaReader {
  /** The system name used in {@code .fmap} paths ({@code spark.Contact}). */
  public static final String SYSTEM = "spark";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long INT_MAX = Integer.MAX_VALUE;

  private SparkSchemaReader() {}

  /**
   * What a connector needs beyond the model: the collection each object is served from
   * ({@code /api/v1/{collection}}, {@code {collection}.jsonl}).
   *
   * @param schema      the schema model
   * @param collections object name → collection name, sorted by object name
   */
  public record Export(SystemSchema schema, Map<String, String> collections) {
    public Export {
      collections = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(collections));
    }

    public String collection(String object) {
      String c = collections.get(object);
      if (c == null) throw new IllegalArgumentException("Spark has no object '" + object + "'; objects: " + collections.keySet());
      return c;
    }
  }

  public static SystemSchema read(String json) throws IOException {
    return readExport(json).schema();
  }

  public static Export readExport(String json) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new IOException("schema.json" + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
          + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("objects").isArray()) {
      throw new IOException("schema.json: not a Spark export schema: it needs an \"objects\" array");
    }
    List<Table> tables = new ArrayList<>();
    Map<String, Relationship> relationships = new TreeMap<>();
    Map<String, String> collections = new TreeMap<>();
    for (JsonNode object : root.get("objects")) {
      String name = required(object, "name", "an object");
      if (collections.containsKey(name)) throw new IOException("schema.json: object " + name + " is declared twice");
      collections.put(name, object.path("collection").asText(name.toLowerCase(java.util.Locale.ROOT)));
      tables.add(table(name, object));
    }
    for (JsonNode object : root.get("objects")) {
      String name = object.get("name").asText();
      Table table = tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
      for (JsonNode rel : object.path("relationships")) {
        Relationship r = relationship(table, rel, object.path("custom").asBoolean(false));
        if (r != null && relationships.put(r.name(), r) != null) {
          throw new IOException("schema.json: relationship " + r.name() + " is declared twice");
        }
      }
    }
    checkTargets(tables, collections);
    return new Export(new SystemSchema(SYSTEM, tables, List.copyOf(relationships.values()), new TreeMap<>()), collections);
  }

  private static Table table(String name, JsonNode object) throws IOException {
    List<Column> columns = new ArrayList<>();
    boolean owned = false;
    for (JsonNode field : object.path("fields")) {
      Column column = column(name, field);
      if (columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
        throw new IOException("schema.json: " + name + "." + column.name() + " is declared twice");
      }
      columns.add(column);
      // Spark objects with an owner are the ones whose rows need an owner in Dynamics too.
      owned |= column.name().equals("owner_id") && column.type() == ColumnType.LOOKUP;
    }
    if (columns.stream().noneMatch(c -> c.type() == ColumnType.ID)) {
      throw new IOException("schema.json: object " + name + " has no field of type \"id\"");
    }
    String idColumn = columns.stream().filter(c -> c.type() == ColumnType.ID).findFirst().orElseThrow().name();
    String primaryName = object.hasNonNull("primary_name") ? object.get("primary_name").asText() : null;
    if (primaryName != null && columns.stream().noneMatch(c -> c.name().equals(primaryName))) {
      throw new IOException("schema.json: " + name + ".primary_name names a field it does not have: " + primaryName);
    }
    return new Table(name, object.path("label").asText(name), null, idColumn, primaryName,
        owned ? Ownership.USER : Ownership.NONE, object.path("activity").asBoolean(false),
        object.path("custom").asBoolean(false), columns, List.of());
  }

  private static Column column(String object, JsonNode field) throws IOException {
    String name = required(field, "name", "a field of " + object);
    String where = object + "." + name;
    String sparkType = required(field, "type", where);
    Integer maxLength = field.has("max_length") ? field.get("max_length").asInt() : null;
    Double min = field.has("min") ? field.get("min").asDouble() : null;
    Double max = field.has("max") ? field.get("max").asDouble() : null;
    Integer precision = null;
    List<OptionValue> options = List.of();
    List<LookupTarget> targets = List.of();
    ColumnType type = switch (sparkType) {
      case "id" -> ColumnType.ID;
      case "text", "url", "email", "phone" -> ColumnType.TEXT;
      case "long_text" -> ColumnType.MEMO;
      case "rich_text" -> ColumnType.HTML;
      // A whole number is 32-bit unless its declared range says otherwise (file sizes).
      case "number" -> (max != null && max > INT_MAX) || (min != null && min < -INT_MAX - 1)
          ? ColumnType.BIGINT : ColumnType.INT;
      case "decimal" -> ColumnType.DECIMAL;
      case "currency" -> ColumnType.MONEY;
      case "bool" -> ColumnType.BOOL;
      case "date" -> ColumnType.DATE;
      case "datetime" -> ColumnType.DATETIME;
      case "picklist" -> ColumnType.CHOICE;
      case "multi_picklist" -> ColumnType.CHOICES;
      case "reference" -> ColumnType.LOOKUP;
      case "reference_list" -> ColumnType.LOOKUP_LIST;
      case "text_list" -> ColumnType.TEXT_LIST;
      case "file" -> ColumnType.FILE;
      default -> throw new IOException("schema.json: " + where + " has unknown type \"" + sparkType
          + "\"; known: id, text, long_text, rich_text, number, decimal, currency, date, datetime, bool,"
          + " picklist, multi_picklist, url, email, phone, reference, reference_list, text_list, file");
    };
    if (type == ColumnType.DECIMAL) precision = field.path("scale").asInt(2);
    if (type == ColumnType.MONEY) precision = field.path("scale").asInt(2);
    if (type == ColumnType.CHOICE || type == ColumnType.CHOICES) {
      if (!field.path("values").isArray() || field.get("values").isEmpty()) {
        throw new IOException("schema.json: " + where + " is a " + sparkType + " without \"values\"");
      }
      options = new ArrayList<>();
      for (JsonNode v : field.get("values")) {
        // A value is a plain string, or {value, group, color} for pipeline stages.
        options.add(v.isTextual() ? OptionValue.label(v.asText())
            : new OptionValue(null, required(v, "value", "a value of " + where),
                v.hasNonNull("group") ? v.get("group").asText() : null,
                v.hasNonNull("color") ? v.get("color").asText() : null));
      }
    }
    if (type == ColumnType.LOOKUP || type == ColumnType.LOOKUP_LIST) {
      if (!field.path("to").isArray() || field.get("to").isEmpty()) {
        throw new IOException("schema.json: " + where + " is a " + sparkType + " without \"to\" (the objects it points to)");
      }
      targets = new ArrayList<>();
      for (JsonNode t : field.get("to")) targets.add(new LookupTarget(t.asText(), null));
    }
    return new Column(name, field.path("label").asText(name), type, maxLength, precision, min, max,
        RequiredLevel.NONE, true, true, options, targets, field.path("custom").asBoolean(false));
  }

  /** One-to-many relationships are already the reference field's targets; only N:N become relationships. */
  private static Relationship relationship(Table table, JsonNode rel, boolean custom) throws IOException {
    String name = required(rel, "name", "a relationship of " + table.name());
    String where = table.name() + " relationship " + name;
    String kind = required(rel, "type", where);
    String fieldName = required(rel, "field", where);
    String to = required(rel, "to", where);
    Column field = table.column(fieldName).orElseThrow(() ->
        new IOException("schema.json: " + where + " names a field " + table.name() + " does not have: " + fieldName));
    ColumnType expected = switch (kind) {
      case "one_to_many" -> ColumnType.LOOKUP;
      case "many_to_many" -> ColumnType.LOOKUP_LIST;
      default -> throw new IOException("schema.json: " + where + " has unknown type \"" + kind
          + "\"; known: one_to_many, many_to_many");
    };
    if (field.type() != expected || field.target(to).isEmpty()) {
      throw new IOException("schema.json: " + where + " needs " + table.name() + "." + fieldName + " to be a "
          + (expected == ColumnType.LOOKUP ? "reference" : "reference_list") + " to " + to);
    }
    return expected == ColumnType.LOOKUP ? null
        : new Relationship(name, table.name(), to, fieldName, null, null, custom);
  }

  private static void checkTargets(List<Table> tables, Map<String, String> objects) throws IOException {
    for (Table t : tables) {
      for (Column c : t.columns()) {
        for (LookupTarget target : c.targets()) {
          if (!objects.containsKey(target.table())) {
            throw new IOException("schema.json: " + t.name() + "." + c.name() + " points to unknown object "
                + target.table() + "; objects: " + objects.keySet());
          }
        }
      }
    }
  }

  private static String required(JsonNode node, String key, String what) throws IOException {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IOException("schema.json: " + what + " needs a \"" + key + "\"");
    }
    return v.asText();
  }
}
