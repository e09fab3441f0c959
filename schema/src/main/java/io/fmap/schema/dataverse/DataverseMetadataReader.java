package io.fmap.schema.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.schema.AlternateKey;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Converts Dataverse {@code EntityDefinitions} JSON into the schema model.
 *
 * <p>Input is what {@code GET EntityDefinitions?$expand=Attributes,ManyToOneRelationships,Keys,
 * ManyToManyRelationships} answers ({@code {"value": [...]}}), or one entity definition. Option sets
 * come from the type-specific attribute shapes ({@code OptionSet.Options[]}); lookup navigation
 * property names come from {@code ManyToOneRelationships}, because the name used with
 * {@code @odata.bind} is not always the column's logical name.
 */
public final class DataverseMetadataReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DataverseMetadataReader() {}

  public static SystemSchema read(String json) throws IOException {
    return read(json, new TreeMap<>());
  }

  /** @param settings org-wide values read elsewhere ({@code maxuploadfilesize} from {@code organizations}) */
  public static SystemSchema read(String json, SortedMap<String, String> settings) throws IOException {
    JsonNode root = MAPPER.readTree(json);
    if (root == null || !root.isObject()) throw new IOException("EntityDefinitions answer is not a JSON object");
    List<JsonNode> entities = new ArrayList<>();
    if (root.has("value")) root.get("value").forEach(entities::add);
    else if (root.has("LogicalName")) entities.add(root);
    else throw new IOException("not an EntityDefinitions answer: it needs \"value\" or \"LogicalName\"");

    List<Table> tables = new ArrayList<>();
    Map<String, Relationship> manyToMany = new TreeMap<>();
    for (JsonNode entity : entities) {
      tables.add(table(entity));
      for (JsonNode rel : entity.path("ManyToManyRelationships")) {
        // Both sides list the same relationship: keep it once, by schema name.
        Relationship r = new Relationship(text(rel, "SchemaName"), text(rel, "Entity1LogicalName"),
            text(rel, "Entity2LogicalName"), text(rel, "IntersectEntityName"),
            text(rel, "Entity1NavigationPropertyName"), text(rel, "Entity2NavigationPropertyName"),
            rel.path("IsCustomRelationship").asBoolean(false));
        manyToMany.putIfAbsent(r.name(), r);
      }
    }
    return new SystemSchema("dynamics", tables, List.copyOf(manyToMany.values()), settings).sorted();
  }

  static Table table(JsonNode entity) throws IOException {
    String name = required(entity, "LogicalName");
    List<Column> columns = new ArrayList<>();
    for (JsonNode attribute : entity.path("Attributes")) {
      // Helper attributes (…name, …yominame) shadow a real column and cannot be written.
      if (attribute.hasNonNull("AttributeOf")) continue;
      columns.add(column(attribute, entity.path("ManyToOneRelationships")));
    }
    List<AlternateKey> keys = new ArrayList<>();
    for (JsonNode key : entity.path("Keys")) {
      List<String> keyColumns = new ArrayList<>();
      key.path("KeyAttributes").forEach(k -> keyColumns.add(k.asText()));
      String keyName = key.hasNonNull("LogicalName") ? key.get("LogicalName").asText() : text(key, "SchemaName");
      keys.add(new AlternateKey(keyName, keyColumns));
    }
    return new Table(name, label(entity.path("DisplayName"), name), text(entity, "EntitySetName"),
        text(entity, "PrimaryIdAttribute"), text(entity, "PrimaryNameAttribute"),
        ownership(entity.path("OwnershipType").asText("")), entity.path("IsActivity").asBoolean(false),
        entity.path("IsCustomEntity").asBoolean(false), columns, keys);
  }

  static Column column(JsonNode a, JsonNode manyToOne) throws IOException {
    String name = required(a, "LogicalName");
    ColumnType type = type(a);
    return new Column(name, label(a.path("DisplayName"), name), type,
        integer(a, "MaxLength"), integer(a, "Precision"), number(a, "MinValue"), number(a, "MaxValue"),
        requiredLevel(a.path("RequiredLevel").path("Value").asText("None")),
        a.path("IsValidForCreate").asBoolean(true), a.path("IsValidForUpdate").asBoolean(true),
        options(a), targets(name, a.path("Targets"), manyToOne), a.path("IsCustomAttribute").asBoolean(false));
  }

  static ColumnType type(JsonNode a) {
    String attributeType = a.path("AttributeType").asText("");
    String typeName = a.path("AttributeTypeName").path("Value").asText("");
    return switch (attributeType) {
      case "String" -> ColumnType.TEXT;
      case "Memo" -> ColumnType.MEMO;
      case "Integer" -> ColumnType.INT;
      case "BigInt" -> ColumnType.BIGINT;
      case "Decimal" -> ColumnType.DECIMAL;
      case "Double" -> ColumnType.DOUBLE;
      case "Money" -> ColumnType.MONEY;
      case "Boolean" -> ColumnType.BOOL;
      case "DateTime" -> "DateOnly".equals(a.path("Format").asText()) ? ColumnType.DATE : ColumnType.DATETIME;
      case "Picklist" -> ColumnType.CHOICE;
      case "State" -> ColumnType.STATE;
      case "Status" -> ColumnType.STATUS;
      case "Uniqueidentifier" -> ColumnType.ID;
      case "Lookup" -> ColumnType.LOOKUP;
      case "Customer" -> ColumnType.CUSTOMER;
      case "Owner" -> ColumnType.OWNER;
      // Choices, file and image columns are all AttributeType "Virtual"; the type name tells them apart.
      case "Virtual" -> switch (typeName) {
        case "MultiSelectPicklistType" -> ColumnType.CHOICES;
        case "FileType", "ImageType" -> ColumnType.FILE;
        default -> ColumnType.OTHER;
      };
      default -> ColumnType.OTHER;
    };
  }

  private static List<OptionValue> options(JsonNode a) {
    List<OptionValue> out = new ArrayList<>();
    for (JsonNode o : a.path("OptionSet").path("Options")) {
      if (!o.hasNonNull("Value")) continue;
      // A status reason belongs to one state: kept as the option's group so that closing rules can use it.
      String group = o.hasNonNull("State") ? o.get("State").asText() : null;
      String value = o.get("Value").asText();
      out.add(new OptionValue(o.get("Value").asInt(), label(o.path("Label"), value), group, null));
    }
    return out;
  }

  private static List<LookupTarget> targets(String column, JsonNode targets, JsonNode manyToOne) {
    Set<String> tables = new LinkedHashSet<>();
    targets.forEach(t -> tables.add(t.asText()));
    Map<String, String> navByTable = new TreeMap<>();
    Set<String> navs = new LinkedHashSet<>();
    for (JsonNode rel : manyToOne) {
      if (!column.equals(rel.path("ReferencingAttribute").asText())) continue;
      String nav = text(rel, "ReferencingEntityNavigationPropertyName");
      navByTable.put(rel.path("ReferencedEntity").asText(), nav);
      navs.add(nav);
      if (targets.isMissingNode() || targets.isEmpty()) tables.add(rel.path("ReferencedEntity").asText());
    }
    List<LookupTarget> out = new ArrayList<>();
    for (String table : tables) {
      String nav = navByTable.get(table);
      // ownerid points at systemuser and team through one relationship to "owner", so one name serves both.
      if (nav == null && navs.size() == 1) nav = navs.iterator().next();
      if (!"owner".equals(table) || tables.size() == 1) out.add(new LookupTarget(table, nav));
    }
    return out;
  }

  static Ownership ownership(String ownershipType) {
    return switch (ownershipType) {
      case "UserOwned" -> Ownership.USER;
      case "OrganizationOwned" -> Ownership.ORGANIZATION;
      // BusinessOwned tables (systemuser, team, businessunit) have no ownerid to assign.
      default -> Ownership.NONE;
    };
  }

  static RequiredLevel requiredLevel(String value) {
    return switch (value) {
      case "SystemRequired" -> RequiredLevel.SYSTEM_REQUIRED;
      case "ApplicationRequired" -> RequiredLevel.APPLICATION_REQUIRED;
      case "Recommended" -> RequiredLevel.RECOMMENDED;
      default -> RequiredLevel.NONE;
    };
  }

  /** A Dataverse Label: the user's localized label, else the first localized one, else the fallback. */
  static String label(JsonNode labelNode, String fallback) {
    JsonNode user = labelNode.path("UserLocalizedLabel").path("Label");
    if (user.isTextual() && !user.asText().isEmpty()) return user.asText();
    for (JsonNode l : labelNode.path("LocalizedLabels")) {
      if (l.path("Label").isTextual() && !l.path("Label").asText().isEmpty()) return l.path("Label").asText();
    }
    return fallback;
  }

  private static String required(JsonNode node, String field) throws IOException {
    String v = text(node, field);
    if (v == null || v.isEmpty()) throw new IOException("metadata entry without " + field + ": " + abbreviate(node));
    return v;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.asInt();
  }

  private static Double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.asDouble();
  }

  private static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
