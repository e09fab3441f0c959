package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.Relationship;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.Table;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code EntityDefinitions} reads (tables, columns with type casts, option sets, relationships,
 * keys) and the writes {@code schema apply} needs: columns, tables, alternate keys (indexed
 * asynchronously: Pending, then Active or Failed), 1:N and N:N relationships, publishing.
 */
final class MetadataApi {
  private static final String CAST = "Microsoft.Dynamics.CRM.";
  private static final Pattern PUBLISH_ENTITY = Pattern.compile("<entity>\\s*([^<\\s]+)\\s*</entity>");

  private final Store store;
  private final Clock clock;
  private final Duration keyActivation;
  private final MetadataDeletes deletes;

  MetadataApi(Store store, Clock clock, Duration keyActivation) {
    this.store = store;
    this.deletes = new MetadataDeletes(store);
    this.clock = clock;
    this.keyActivation = keyActivation;
  }

  // ------------------------------------------------------------------ reads

  ApiResponse entityDefinitions(ApiRequest request, List<String> segments, String baseUrl) {
    EntityRef head = EntityRef.parse(segments.get(0));
    String method = request.method();
    if (head.isCollection()) {
      if (segments.size() > 1) throw DataverseError.segment(segments.get(1));
      if (method.equals("POST")) return createTable(request, baseUrl);
      if (!method.equals("GET")) throw methodNotAllowed(method);
      Set<String> expand = expand(request);
      ArrayNode value = Json.MAPPER.createArrayNode();
      List<Table> tables = store.read(s -> s.catalog().tables());
      for (Table t : tables) value.add(store.<ObjectNode>read(s -> MetadataJson.entity(t, s.catalog(), expand)));
      return collection(baseUrl + "$metadata#EntityDefinitions", filterAndSelect(value, request), tables.size());
    }
    Table table = store.read(s -> tableOf(s.catalog(), head));
    if (segments.size() == 1) {
      if (method.equals("DELETE")) return deletes.table(table);
      if (!method.equals("GET")) throw methodNotAllowed(method);
      ObjectNode e = store.read(s -> MetadataJson.entity(table, s.catalog(), expand(request)));
      e = select(e, request.query().get("$select"));
      e.put("@odata.context", baseUrl + "$metadata#EntityDefinitions/$entity");
      return ApiResponse.json(200, Json.write(e), 1);
    }
    EntityRef part = EntityRef.parse(segments.get(1));
    String cast = segments.size() > 2 ? segments.get(2) : null;
    return switch (part.name()) {
      case "Attributes" -> {
        if (method.equals("POST") && part.isCollection() && cast == null) yield createColumn(table, request, baseUrl);
        if (method.equals("DELETE") && !part.isCollection() && cast == null) yield deletes.column(table, columnOf(table, part));
        if (!method.equals("GET")) throw methodNotAllowed(method);
        yield attributes(table, part, cast, request, baseUrl);
      }
      case "Keys" -> {
        if (method.equals("POST")) yield createKey(table, request, baseUrl);
        if (method.equals("DELETE") && !part.isCollection()) yield deletes.key(table, part);
        ArrayNode keys = store.read(s -> MetadataJson.keys(table, s.catalog()));
        yield collection(baseUrl + "$metadata#EntityDefinitions('" + table.name() + "')/Keys", filterAndSelect(keys, request), keys.size());
      }
      case "ManyToOneRelationships" -> collection(baseUrl + "$metadata#EntityDefinitions('" + table.name()
          + "')/ManyToOneRelationships", filterAndSelect(MetadataJson.manyToOne(table), request), 1);
      case "OneToManyRelationships" -> collection(baseUrl + "$metadata#EntityDefinitions('" + table.name()
          + "')/OneToManyRelationships", filterAndSelect(store.read(s -> MetadataJson.oneToMany(table, s.catalog())), request), 1);
      case "ManyToManyRelationships" -> collection(baseUrl + "$metadata#EntityDefinitions('" + table.name()
          + "')/ManyToManyRelationships", filterAndSelect(store.read(s -> MetadataJson.manyToMany(table, s.catalog())), request), 1);
      default -> throw DataverseError.segment(part.name());
    };
  }

  private ApiResponse attributes(Table table, EntityRef part, String cast, ApiRequest request, String baseUrl) {
    String metadataType = null;
    if (cast != null) {
      if (!cast.startsWith(CAST)) throw DataverseError.segment(cast);
      metadataType = cast.substring(CAST.length());
    }
    boolean expandOptionSet = expand(request).contains("OptionSet") || expand(request).contains("GlobalOptionSet");
    ArrayNode value = Json.MAPPER.createArrayNode();
    for (Column c : table.columns()) {
      if (part.key().containsKey("LogicalName") && !part.key().get("LogicalName").equals(c.name())) continue;
      if (part.id() != null && !Catalog.metadataId("attribute", table.name(), c.name()).equals(part.id())) continue;
      ObjectNode a = MetadataJson.attribute(table, c);
      if (metadataType != null && !a.path("@odata.type").asText().equals("#" + CAST + metadataType)) continue;
      // Option sets are a navigation property: present with $expand=OptionSet on a typed cast, as on an org.
      if (metadataType != null && !expandOptionSet) a.remove("OptionSet");
      value.add(a);
    }
    if (!part.isCollection()) {
      if (value.isEmpty()) {
        throw new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST, "Could not find attribute "
            + part.key().getOrDefault("LogicalName", String.valueOf(part.id())) + " on entity " + table.name() + ".");
      }
      ObjectNode one = select((ObjectNode) value.get(0), request.query().get("$select"));
      one.put("@odata.context", baseUrl + "$metadata#EntityDefinitions('" + table.name() + "')/Attributes/$entity");
      return ApiResponse.json(200, Json.write(one), 1);
    }
    return collection(baseUrl + "$metadata#EntityDefinitions('" + table.name() + "')/Attributes", filterAndSelect(value, request), value.size());
  }

  private static Column columnOf(Table table, EntityRef part) {
    for (Column c : table.columns()) {
      if (c.name().equals(part.key().get("LogicalName"))
          || Catalog.metadataId("attribute", table.name(), c.name()).equals(part.id())) return c;
    }
    throw new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST, "Could not find attribute "
        + part.key().getOrDefault("LogicalName", String.valueOf(part.id())) + " on entity " + table.name() + ".");
  }

  private static Table tableOf(Catalog catalog, EntityRef ref) {
    if (ref.id() != null) {
      for (Table t : catalog.tables()) if (Catalog.metadataId("table", t.name()).equals(ref.id())) return t;
      throw new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST, "Could not find entity with id '" + ref.id() + "'.");
    }
    String name = ref.key().get("LogicalName");
    if (name == null) throw DataverseError.segment("EntityDefinitions");
    return catalog.require(name);
  }

  private static Set<String> expand(ApiRequest request) {
    Set<String> out = new HashSet<>();
    String expand = request.query().get("$expand");
    if (expand == null) return out;
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : expand.toCharArray()) {
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == ',' && depth == 0) { out.add(name(cur)); cur.setLength(0); continue; }
      cur.append(c);
    }
    if (cur.length() > 0) out.add(name(cur));
    return out;
  }

  private static String name(StringBuilder part) {
    String s = part.toString().trim();
    int paren = s.indexOf('(');
    return paren < 0 ? s : s.substring(0, paren);
  }

  private static ArrayNode filterAndSelect(ArrayNode items, ApiRequest request) {
    String filter = request.query().get("$filter");
    Filter f = filter == null ? null : Filter.parse(filter);
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (JsonNode item : items) {
      if (f != null && !Filter.test(f, path -> jsonPath(item, path))) continue;
      out.add(select((ObjectNode) item, request.query().get("$select")));
    }
    return out;
  }

  private static JsonNode jsonPath(JsonNode item, String path) {
    JsonNode n = item;
    for (String p : path.split("/")) n = n.path(p);
    return n.isMissingNode() ? NullNode.getInstance() : n;
  }

  /** {@code $select} on metadata keeps MetadataId, the type annotation and expanded collections, as the service does. */
  private static ObjectNode select(ObjectNode item, String select) {
    if (select == null || select.isBlank()) return item;
    Set<String> keep = new TreeSet<>();
    for (String s : select.split(",")) keep.add(s.trim());
    ObjectNode out = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (keep.contains(f.getKey()) || f.getKey().equals("MetadataId") || f.getKey().startsWith("@")
          || (f.getValue().isArray() && !f.getKey().equals("Targets") && !f.getKey().equals("KeyAttributes"))
          || f.getKey().equals("OptionSet")) {
        out.set(f.getKey(), f.getValue());
      }
    }
    return out;
  }

  private static ApiResponse collection(String context, ArrayNode value, int rows) {
    ObjectNode root = Json.object();
    root.put("@odata.context", context);
    root.set("value", value);
    return ApiResponse.json(200, Json.write(root), rows);
  }

  static DataverseError methodNotAllowed(String method) {
    return new DataverseError(405, DataverseError.ODATA, "The HTTP method '" + method + "' is not allowed on this resource.");
  }

  // ------------------------------------------------------------------ writes

  private ApiResponse createColumn(Table table, ApiRequest request, String baseUrl) {
    ObjectNode body = Json.body(request);
    Column column = columnFrom(table, body);
    store.writeVoid(tx -> {
      Table current = store.catalog().require(table.name());
      if (current.column(column.name()).isPresent()) {
        throw DataverseError.badRequest(DataverseError.DUPLICATE_RECORD, "An attribute with the name '" + column.name()
            + "' already exists on entity '" + table.name() + "'.");
      }
      store.catalog().addColumn(table.name(), column);
    });
    return ApiResponse.noContent(1, baseUrl + "EntityDefinitions(LogicalName='" + table.name()
        + "')/Attributes(" + Catalog.metadataId("attribute", table.name(), column.name()) + ")");
  }

  /** Reads an AttributeMetadata body into a column of the schema model. */
  static Column columnFrom(Table table, JsonNode body) {
    String schemaName = text(body, "SchemaName");
    if (schemaName == null || schemaName.isBlank()) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "SchemaName is required to create an attribute.");
    }
    requirePrefix(schemaName);
    String type = body.path("@odata.type").asText("").replace("#", "").replace(CAST, "");
    if (type.isEmpty()) type = body.path("AttributeType").asText("") + "AttributeMetadata";
    ColumnType columnType = switch (type) {
      case "StringAttributeMetadata" -> ColumnType.TEXT;
      case "MemoAttributeMetadata" -> ColumnType.MEMO;
      case "IntegerAttributeMetadata" -> ColumnType.INT;
      case "BigIntAttributeMetadata" -> ColumnType.BIGINT;
      case "DecimalAttributeMetadata" -> ColumnType.DECIMAL;
      case "DoubleAttributeMetadata" -> ColumnType.DOUBLE;
      case "MoneyAttributeMetadata" -> ColumnType.MONEY;
      case "BooleanAttributeMetadata" -> ColumnType.BOOL;
      case "DateTimeAttributeMetadata" -> "DateOnly".equals(body.path("Format").asText()) ? ColumnType.DATE : ColumnType.DATETIME;
      case "PicklistAttributeMetadata" -> ColumnType.CHOICE;
      case "MultiSelectPicklistAttributeMetadata" -> ColumnType.CHOICES;
      default -> throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Creating attributes of type '" + type
          + "' is not supported here; lookups are created through RelationshipDefinitions.");
    };
    Integer maxLength = null;
    if (body.hasNonNull("MaxLength")) maxLength = body.get("MaxLength").asInt();
    else if (columnType == ColumnType.TEXT) maxLength = 100;
    else if (columnType == ColumnType.MEMO) maxLength = 2000;
    if (columnType == ColumnType.TEXT && (maxLength < 1 || maxLength > 4000)) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "MaxLength of a String attribute must be between 1 and 4000.");
    }
    List<OptionValue> options = new ArrayList<>();
    int next = 727000000;
    for (JsonNode o : body.path("OptionSet").path("Options")) {
      int value = o.hasNonNull("Value") ? o.get("Value").asInt() : next;
      next = Math.max(next, value + 1);
      options.add(OptionValue.of(value, label(o.path("Label"), String.valueOf(value))));
    }
    if ((columnType == ColumnType.CHOICE || columnType == ColumnType.CHOICES) && options.isEmpty()) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "A choice column needs OptionSet.Options.");
    }
    return new Column(schemaName.toLowerCase(Locale.ROOT), label(body.path("DisplayName"), schemaName), columnType,
        columnType == ColumnType.TEXT || columnType == ColumnType.MEMO ? maxLength : null,
        body.hasNonNull("Precision") ? body.get("Precision").asInt() : null,
        body.hasNonNull("MinValue") ? body.get("MinValue").asDouble() : null,
        body.hasNonNull("MaxValue") ? body.get("MaxValue").asDouble() : null,
        requiredLevel(body.path("RequiredLevel").path("Value").asText("None")), true, true, options, List.of(), true);
  }

  private static void requirePrefix(String schemaName) {
    int underscore = schemaName.indexOf('_');
    if (underscore < 2 || underscore == schemaName.length() - 1) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The schema name '" + schemaName
          + "' must start with the customization prefix of the solution's publisher, like new_" + schemaName + ".");
    }
  }

  private static RequiredLevel requiredLevel(String v) {
    return switch (v) {
      case "SystemRequired" -> RequiredLevel.SYSTEM_REQUIRED;
      case "ApplicationRequired" -> RequiredLevel.APPLICATION_REQUIRED;
      case "Recommended" -> RequiredLevel.RECOMMENDED;
      default -> RequiredLevel.NONE;
    };
  }

  private ApiResponse createTable(ApiRequest request, String baseUrl) {
    ObjectNode body = Json.body(request);
    String schemaName = text(body, "SchemaName");
    if (schemaName == null) throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "SchemaName is required to create an entity.");
    requirePrefix(schemaName);
    String name = schemaName.toLowerCase(Locale.ROOT);
    // Fact sheet §6.3: Attributes holds exactly one primary name column, and it is a string.
    List<JsonNode> primaries = new ArrayList<>();
    for (JsonNode a : body.path("Attributes")) if (a.path("IsPrimaryName").asBoolean(false)) primaries.add(a);
    if (primaries.size() != 1 || !primaries.get(0).path("@odata.type").asText("").endsWith("StringAttributeMetadata")) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "An entity needs exactly one StringAttributeMetadata with IsPrimaryName true in Attributes.");
    }
    JsonNode primary = primaries.get(0);
    Ownership ownership = "OrganizationOwned".equals(body.path("OwnershipType").asText()) ? Ownership.ORGANIZATION : Ownership.USER;
    boolean activity = body.path("IsActivity").asBoolean(false);
    Table shell = new Table(name, name, plural(name), name + "id", null, ownership, activity, true, List.of(), List.of());
    Column primaryColumn = columnFrom(shell, primary);
    List<Column> columns = new ArrayList<>(standardColumns(name, ownership));
    columns.add(primaryColumn);
    Table table = new Table(name, label(body.path("DisplayName"), schemaName), plural(name), name + "id",
        primaryColumn.name(), ownership, activity, true, columns, List.of());
    store.writeVoid(tx -> {
      if (store.catalog().table(name).isPresent()) {
        throw DataverseError.badRequest(DataverseError.DUPLICATE_RECORD, "An entity with the name '" + name + "' already exists.");
      }
      store.catalog().putTable(table);
      // Without HasNotes a note cannot point at the table's rows; schema apply asks for notes.
      if (body.path("HasNotes").asBoolean(false)) store.catalog().enableNotes(name);
      Seed.messageFilters(tx, store);
    });
    return ApiResponse.noContent(1, baseUrl + "EntityDefinitions(" + Catalog.metadataId("table", name) + ")");
  }

  /** Columns the platform adds to every new table. */
  private static List<Column> standardColumns(String name, Ownership ownership) {
    List<Column> out = new ArrayList<>();
    out.add(new Column(name + "id", name, ColumnType.ID, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED, true, false, List.of(), List.of(), false));
    out.add(new Column("createdon", "Created On", ColumnType.DATETIME, null, null, null, null, RequiredLevel.NONE, false, false, List.of(), List.of(), false));
    out.add(new Column("modifiedon", "Modified On", ColumnType.DATETIME, null, null, null, null, RequiredLevel.NONE, false, false, List.of(), List.of(), false));
    out.add(new Column("overriddencreatedon", "Record Created On", ColumnType.DATETIME, null, null, null, null, RequiredLevel.NONE, true, false, List.of(), List.of(), false));
    out.add(new Column("createdby", "Created By", ColumnType.LOOKUP, null, null, null, null, RequiredLevel.NONE, false, false, List.of(), List.of(new LookupTarget("systemuser", "createdby")), false));
    out.add(new Column("modifiedby", "Modified By", ColumnType.LOOKUP, null, null, null, null, RequiredLevel.NONE, false, false, List.of(), List.of(new LookupTarget("systemuser", "modifiedby")), false));
    if (ownership == Ownership.USER) {
      out.add(new Column("ownerid", "Owner", ColumnType.OWNER, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED, true, true, List.of(),
          List.of(new LookupTarget("systemuser", "ownerid"), new LookupTarget("team", "ownerid")), false));
    }
    out.add(new Column("statecode", "Status", ColumnType.STATE, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED, false, true,
        List.of(OptionValue.of(0, "Active"), OptionValue.of(1, "Inactive")), List.of(), false));
    out.add(new Column("statuscode", "Status Reason", ColumnType.STATUS, null, null, null, null, RequiredLevel.NONE, true, true,
        List.of(new OptionValue(1, "Active", "0", null), new OptionValue(2, "Inactive", "1", null)), List.of(), false));
    return out;
  }

  /** The entity set name Dataverse derives from a logical name. */
  static String plural(String name) {
    if (name.endsWith("y") && name.length() > 1 && "aeiou".indexOf(name.charAt(name.length() - 2)) < 0) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    if (name.endsWith("s") || name.endsWith("x") || name.endsWith("ch") || name.endsWith("sh")) return name + "es";
    return name + "s";
  }

  private ApiResponse createKey(Table table, ApiRequest request, String baseUrl) {
    ObjectNode body = Json.body(request);
    String schemaName = text(body, "SchemaName");
    if (schemaName == null) throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "SchemaName is required to create a key.");
    List<String> columns = new ArrayList<>();
    body.path("KeyAttributes").forEach(k -> columns.add(k.asText()));
    if (columns.isEmpty() || columns.size() > 16) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "KeyAttributes must name between 1 and 16 columns.");
    }
    String keyName = schemaName.toLowerCase(Locale.ROOT);
    store.writeVoid(tx -> {
      Table current = store.catalog().require(table.name());
      for (String c : columns) {
        Column column = current.column(c).orElseThrow(() -> DataverseError.badRequest(DataverseError.INVALID_ARGUMENT,
            "The key attribute '" + c + "' does not exist on entity '" + table.name() + "'."));
        if (!Set.of(ColumnType.TEXT, ColumnType.INT, ColumnType.BIGINT, ColumnType.DECIMAL, ColumnType.DATE,
            ColumnType.DATETIME, ColumnType.CHOICE, ColumnType.LOOKUP, ColumnType.ID).contains(column.type())) {
          throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The attribute '" + c + "' of type " + column.type()
              + " cannot be part of an alternate key.");
        }
      }
      if (store.catalog().keys(table.name()).stream().anyMatch(k -> k.key().name().equals(keyName))) {
        throw DataverseError.badRequest(DataverseError.DUPLICATE_RECORD, "A key named '" + keyName + "' already exists on entity '" + table.name() + "'.");
      }
      long at = clock.millis() + keyActivation.toMillis();
      store.catalog().putKey(table.name(), new Catalog.KeyState(new AlternateKey(keyName, columns), Catalog.KeyStatus.Pending, at));
    });
    activatePendingKeys();
    return ApiResponse.noContent(1, baseUrl + "EntityDefinitions(LogicalName='" + table.name()
        + "')/Keys(" + Catalog.metadataId("key", table.name(), keyName) + ")");
  }

  /**
   * The asynchronous index job: a pending key whose time has come becomes Active, or Failed when
   * existing rows already hold duplicate values (the platform cannot build a unique index then).
   */
  void activatePendingKeys() {
    long now = clock.millis();
    boolean due = store.read(s -> s.catalog().pendingKeyDue(now));
    if (!due) return;
    store.writeVoid(tx -> {
      for (Table t : store.catalog().tables()) {
        for (Catalog.KeyState k : store.catalog().keys(t.name())) {
          if (k.status() != Catalog.KeyStatus.Pending || k.activateAtMillis() > clock.millis()) continue;
          Set<List<String>> seen = new HashSet<>();
          boolean duplicate = false;
          for (Row r : store.all(t.name())) {
            Optional<List<String>> v = Store.keyValues(k.key(), r);
            if (v.isPresent() && !seen.add(v.get())) duplicate = true;
          }
          store.rows(t.name()).dropIndex(k.key().name());
          store.catalog().putKey(t.name(), new Catalog.KeyState(k.key(),
              duplicate ? Catalog.KeyStatus.Failed : Catalog.KeyStatus.Active, k.activateAtMillis()));
        }
      }
    });
  }

  ApiResponse relationshipDefinitions(ApiRequest request, String baseUrl) {
    EntityRef ref = EntityRef.parse(request.segments().get(0));
    if (request.method().equals("DELETE") && !ref.isCollection() && request.segments().size() == 1) {
      return deletes.relationship(ref);
    }
    if (!request.method().equals("POST") || !ref.isCollection()) throw methodNotAllowed(request.method());
    ObjectNode body = Json.body(request);
    String type = body.path("@odata.type").asText("").replace("#", "").replace(CAST, "");
    String schemaName = text(body, "SchemaName");
    if (schemaName == null) throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "SchemaName is required to create a relationship.");
    requirePrefix(schemaName);
    String name = schemaName.toLowerCase(Locale.ROOT);
    switch (type) {
      case "ManyToManyRelationshipMetadata" -> store.writeVoid(tx -> {
        Catalog c = store.catalog();
        String t1 = c.require(body.path("Entity1LogicalName").asText()).name();
        String t2 = c.require(body.path("Entity2LogicalName").asText()).name();
        if (c.manyToMany().stream().anyMatch(r -> r.name().equals(name))) {
          throw DataverseError.badRequest(DataverseError.DUPLICATE_RECORD, "A relationship named '" + name + "' already exists.");
        }
        String intersect = body.hasNonNull("IntersectEntityName") ? body.get("IntersectEntityName").asText() : name;
        c.addManyToMany(new Relationship(name, t1, t2, intersect,
            body.hasNonNull("Entity1NavigationPropertyName") ? body.get("Entity1NavigationPropertyName").asText() : name,
            body.hasNonNull("Entity2NavigationPropertyName") ? body.get("Entity2NavigationPropertyName").asText() : name, true));
      });
      case "OneToManyRelationshipMetadata" -> store.writeVoid(tx -> {
        Catalog c = store.catalog();
        Table referenced = c.require(body.path("ReferencedEntity").asText());
        Table referencing = c.require(body.path("ReferencingEntity").asText());
        JsonNode lookup = body.path("Lookup");
        String column = text(lookup, "SchemaName");
        if (column == null) throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Lookup.SchemaName is required.");
        requirePrefix(column);
        String columnName = column.toLowerCase(Locale.ROOT);
        if (referencing.column(columnName).isPresent()) {
          throw DataverseError.badRequest(DataverseError.DUPLICATE_RECORD, "An attribute with the name '" + columnName + "' already exists.");
        }
        String nav = body.hasNonNull("ReferencingEntityNavigationPropertyName")
            ? body.get("ReferencingEntityNavigationPropertyName").asText() : columnName;
        c.addColumn(referencing.name(), new Column(columnName, label(lookup.path("DisplayName"), column), ColumnType.LOOKUP, null,
            null, null, null, requiredLevel(lookup.path("RequiredLevel").path("Value").asText("None")), true, true, List.of(),
            List.of(new LookupTarget(referenced.name(), nav)), true));
        c.nameOneToMany(name, referencing.name(), columnName);
      });
      default -> throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Unsupported relationship type '" + type
          + "'; use OneToManyRelationshipMetadata or ManyToManyRelationshipMetadata.");
    }
    return ApiResponse.noContent(1, baseUrl + "RelationshipDefinitions(" + Catalog.metadataId("relationship", name) + ")");
  }

  /**
   * {@code InsertOptionValue}: adds one option to a local choice column
   * ({@code EntityLogicalName}, {@code AttributeLogicalName}, {@code Value}, {@code Label});
   * a null Value gets the next publisher-prefixed number. Answers {@code NewOptionValue}.
   */
  ApiResponse insertOptionValue(ApiRequest request, String baseUrl) {
    if (!request.method().equals("POST")) throw methodNotAllowed(request.method());
    ObjectNode body = Json.body(request);
    if (body.hasNonNull("OptionSetName")) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Global option sets are not supported by the fmap emulator; "
          + "insert options into a column with EntityLogicalName and AttributeLogicalName.");
    }
    String tableName = text(body, "EntityLogicalName");
    String columnName = text(body, "AttributeLogicalName");
    if (tableName == null || columnName == null) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "InsertOptionValue needs EntityLogicalName and AttributeLogicalName.");
    }
    int value = store.write(tx -> {
      Table table = store.catalog().require(tableName);
      Column column = table.column(columnName).orElseThrow(() -> new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST,
          "Could not find attribute " + columnName + " on entity " + tableName + "."));
      if (!Set.of(ColumnType.CHOICE, ColumnType.CHOICES, ColumnType.STATUS).contains(column.type())) {
        throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The attribute '" + columnName + "' is not a choice column.");
      }
      int next = column.options().stream().mapToInt(o -> o.value() == null ? 0 : o.value()).max().orElse(727000000 - 1) + 1;
      int v = body.hasNonNull("Value") ? body.get("Value").asInt() : Math.max(next, 727000000);
      if (column.optionByValue(v).isPresent()) {
        throw DataverseError.badRequest(DataverseError.DUPLICATE_RECORD, "An option with the value " + v + " already exists in '"
            + tableName + "." + columnName + "'.");
      }
      List<OptionValue> options = new ArrayList<>(column.options());
      options.add(OptionValue.of(v, label(body.path("Label"), String.valueOf(v))));
      store.catalog().replaceColumn(tableName, new Column(column.name(), column.displayName(), column.type(), column.maxLength(),
          column.precision(), column.minValue(), column.maxValue(), column.required(), column.validForCreate(),
          column.validForUpdate(), options, column.targets(), column.custom()));
      return v;
    });
    ObjectNode o = Json.object();
    o.put("@odata.context", baseUrl + "$metadata#Microsoft.Dynamics.CRM.InsertOptionValueResponse");
    o.put("NewOptionValue", value);
    return ApiResponse.json(200, Json.write(o), 1);
  }

  ApiResponse deleteOptionValue(ApiRequest request) {
    return deletes.optionValue(request);
  }

  ApiResponse publish(ApiRequest request, boolean all) {
    if (!request.method().equals("POST")) throw methodNotAllowed(request.method());
    if (!all) {
      ObjectNode body = Json.body(request);
      String xml = body.path("ParameterXml").asText("");
      if (!xml.contains("<importexportxml>")) {
        throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "ParameterXml must be an <importexportxml> document.");
      }
      Matcher m = PUBLISH_ENTITY.matcher(xml);
      while (m.find()) {
        String entity = m.group(1);
        store.read(s -> s.catalog().require(entity));
      }
    }
    return ApiResponse.noContent(0);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String label(JsonNode labelNode, String fallback) {
    JsonNode user = labelNode.path("UserLocalizedLabel").path("Label");
    if (user.isTextual() && !user.asText().isEmpty()) return user.asText();
    for (JsonNode l : labelNode.path("LocalizedLabels")) {
      if (l.path("Label").isTextual() && !l.path("Label").asText().isEmpty()) return l.path("Label").asText();
    }
    return fallback;
  }
}
