package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Relationship;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.Table;

/**
 * The schema model written out as Dataverse metadata ({@code EntityMetadata},
 * {@code AttributeMetadata} and its typed subclasses, relationships, keys), in the shapes
 * {@code query-metadata-web-api} documents, so a client's metadata reader cannot tell it from an org.
 */
final class MetadataJson {
  private MetadataJson() {}

  /** AttributeType, AttributeTypeName and the metadata subclass of each column type. */
  record AttributeKind(String attributeType, String typeName, String metadataType) {}

  static AttributeKind kind(ColumnType type) {
    return switch (type) {
      case TEXT -> new AttributeKind("String", "StringType", "StringAttributeMetadata");
      case MEMO, HTML -> new AttributeKind("Memo", "MemoType", "MemoAttributeMetadata");
      case INT -> new AttributeKind("Integer", "IntegerType", "IntegerAttributeMetadata");
      case BIGINT -> new AttributeKind("BigInt", "BigIntType", "BigIntAttributeMetadata");
      case DECIMAL -> new AttributeKind("Decimal", "DecimalType", "DecimalAttributeMetadata");
      case DOUBLE -> new AttributeKind("Double", "DoubleType", "DoubleAttributeMetadata");
      case MONEY -> new AttributeKind("Money", "MoneyType", "MoneyAttributeMetadata");
      case BOOL -> new AttributeKind("Boolean", "BooleanType", "BooleanAttributeMetadata");
      case DATE, DATETIME -> new AttributeKind("DateTime", "DateTimeType", "DateTimeAttributeMetadata");
      case CHOICE -> new AttributeKind("Picklist", "PicklistType", "PicklistAttributeMetadata");
      case CHOICES -> new AttributeKind("Virtual", "MultiSelectPicklistType", "MultiSelectPicklistAttributeMetadata");
      case STATE -> new AttributeKind("State", "StateType", "StateAttributeMetadata");
      case STATUS -> new AttributeKind("Status", "StatusType", "StatusAttributeMetadata");
      case ID -> new AttributeKind("Uniqueidentifier", "UniqueidentifierType", "UniqueIdentifierAttributeMetadata");
      case LOOKUP -> new AttributeKind("Lookup", "LookupType", "LookupAttributeMetadata");
      case CUSTOMER -> new AttributeKind("Customer", "CustomerType", "LookupAttributeMetadata");
      case OWNER -> new AttributeKind("Owner", "OwnerType", "LookupAttributeMetadata");
      case FILE -> new AttributeKind("Virtual", "FileType", "FileAttributeMetadata");
      case OTHER, TEXT_LIST, LOOKUP_LIST -> new AttributeKind("EntityName", "EntityNameType", "EntityNameAttributeMetadata");
    };
  }

  static ObjectNode label(String text) {
    ObjectNode l = Json.object();
    ObjectNode localized = Json.object();
    localized.put("Label", text);
    localized.put("LanguageCode", 1033);
    l.putArray("LocalizedLabels").add(localized);
    l.set("UserLocalizedLabel", localized.deepCopy());
    return l;
  }

  static String ownershipType(Table t) {
    return switch (t.ownership()) {
      case USER -> "UserOwned";
      case ORGANIZATION -> "OrganizationOwned";
      case NONE -> "BusinessOwned";
    };
  }

  static ObjectNode entity(Table t, Catalog catalog, java.util.Set<String> expand) {
    ObjectNode e = Json.object();
    e.put("MetadataId", Catalog.metadataId("table", t.name()).toString());
    e.put("LogicalName", t.name());
    e.put("SchemaName", t.name());
    e.put("EntitySetName", t.entitySetName());
    e.put("LogicalCollectionName", t.entitySetName());
    e.put("PrimaryIdAttribute", t.primaryIdColumn());
    e.put("PrimaryNameAttribute", t.primaryNameColumn());
    e.set("DisplayName", label(t.displayName() == null ? t.name() : t.displayName()));
    e.put("OwnershipType", ownershipType(t));
    e.put("IsActivity", t.activity());
    e.put("HasNotes", catalog.hasNotes(t.name()));
    e.put("IsCustomEntity", t.custom());
    e.put("IsBPFEntity", t.name().endsWith("process"));
    e.put("ChangeTrackingEnabled", false);
    e.put("IsOptimisticConcurrencyEnabled", true);
    if (expand.contains("Attributes")) e.set("Attributes", attributes(t));
    if (expand.contains("ManyToOneRelationships")) e.set("ManyToOneRelationships", manyToOne(t));
    if (expand.contains("OneToManyRelationships")) e.set("OneToManyRelationships", oneToMany(t, catalog));
    if (expand.contains("ManyToManyRelationships")) e.set("ManyToManyRelationships", manyToMany(t, catalog));
    if (expand.contains("Keys")) e.set("Keys", keys(t, catalog));
    return e;
  }

  static ArrayNode attributes(Table t) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (Column c : t.columns()) a.add(attribute(t, c));
    return a;
  }

  static ObjectNode attribute(Table t, Column c) {
    AttributeKind kind = kind(c.type());
    ObjectNode a = Json.object();
    a.put("@odata.type", "#Microsoft.Dynamics.CRM." + kind.metadataType());
    a.put("MetadataId", Catalog.metadataId("attribute", t.name(), c.name()).toString());
    a.put("LogicalName", c.name());
    a.put("SchemaName", c.name());
    a.put("EntityLogicalName", t.name());
    a.put("AttributeType", kind.attributeType());
    a.putObject("AttributeTypeName").put("Value", kind.typeName());
    a.set("DisplayName", label(c.displayName() == null ? c.name() : c.displayName()));
    ObjectNode required = a.putObject("RequiredLevel");
    required.put("Value", requiredLevel(c.required()));
    required.put("CanBeChanged", c.required() != RequiredLevel.SYSTEM_REQUIRED);
    required.put("ManagedPropertyLogicalName", "canmodifyrequirementlevelsettings");
    a.put("IsValidForCreate", c.validForCreate());
    a.put("IsValidForUpdate", c.validForUpdate());
    a.put("IsValidForRead", true);
    a.put("IsCustomAttribute", c.custom());
    a.put("IsPrimaryId", c.name().equals(t.primaryIdColumn()));
    a.put("IsPrimaryName", c.name().equals(t.primaryNameColumn()));
    a.putNull("AttributeOf");
    if (c.maxLength() != null) a.put("MaxLength", c.maxLength());
    if (c.precision() != null) a.put("Precision", c.precision());
    if (c.minValue() != null) putNumber(a, "MinValue", c.minValue());
    if (c.maxValue() != null) putNumber(a, "MaxValue", c.maxValue());
    if (c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME) {
      a.put("Format", c.type() == ColumnType.DATE ? "DateOnly" : "DateAndTime");
    }
    if (c.type() == ColumnType.TEXT) a.putObject("FormatName").put("Value", "Text");
    if (Catalog.isLookup(c.type())) {
      ArrayNode targets = a.putArray("Targets");
      c.targets().stream().map(LookupTarget::table).distinct().forEach(targets::add);
    }
    if (!c.options().isEmpty()) a.set("OptionSet", optionSet(t, c));
    return a;
  }

  private static void putNumber(ObjectNode a, String name, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) a.put(name, (long) v);
    else a.put(name, v);
  }

  static String requiredLevel(RequiredLevel r) {
    return switch (r) {
      case NONE -> "None";
      case RECOMMENDED -> "Recommended";
      case APPLICATION_REQUIRED -> "ApplicationRequired";
      case SYSTEM_REQUIRED -> "SystemRequired";
    };
  }

  static ObjectNode optionSet(Table t, Column c) {
    ObjectNode set = Json.object();
    set.put("MetadataId", Catalog.metadataId("optionset", t.name(), c.name()).toString());
    set.put("Name", t.name() + "_" + c.name());
    set.put("IsGlobal", false);
    set.put("OptionSetType", switch (c.type()) {
      case STATE -> "State";
      case STATUS -> "Status";
      default -> "Picklist";
    });
    ArrayNode options = set.putArray("Options");
    for (OptionValue o : c.options()) {
      ObjectNode option = options.addObject();
      if (c.type() == ColumnType.STATUS) option.put("@odata.type", "#Microsoft.Dynamics.CRM.StatusOptionMetadata");
      option.put("Value", o.value());
      option.set("Label", label(o.label()));
      if (o.group() != null) {
        try {
          option.put("State", Integer.parseInt(o.group()));
        } catch (NumberFormatException e) {
          option.put("State", o.group());
        }
      }
    }
    return set;
  }

  static ArrayNode manyToOne(Table t) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Column c : t.columns()) {
      if (!Catalog.isLookup(c.type())) continue;
      for (LookupTarget target : c.targets()) {
        ObjectNode r = out.addObject();
        String name = t.name() + "_" + c.name() + "_" + target.table();
        r.put("MetadataId", Catalog.metadataId("relationship", name).toString());
        r.put("SchemaName", name);
        r.put("RelationshipType", "OneToManyRelationship");
        r.put("ReferencedEntity", target.table());
        r.put("ReferencedAttribute", target.table() + "id");
        r.put("ReferencingEntity", t.name());
        r.put("ReferencingAttribute", c.name());
        r.put("ReferencingEntityNavigationPropertyName", target.navigationProperty());
        r.put("IsCustomRelationship", c.custom());
      }
    }
    return out;
  }

  static ArrayNode oneToMany(Table t, Catalog catalog) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Table other : catalog.tables()) {
      for (com.fasterxml.jackson.databind.JsonNode r : manyToOne(other)) {
        if (t.name().equals(r.path("ReferencedEntity").asText())) out.add(r);
      }
    }
    return out;
  }

  static ArrayNode manyToMany(Table t, Catalog catalog) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Relationship r : catalog.manyToMany()) {
      if (!t.name().equals(r.table1()) && !t.name().equals(r.table2())) continue;
      out.add(relationship(r));
    }
    return out;
  }

  static ObjectNode relationship(Relationship r) {
    ObjectNode o = Json.object();
    o.put("MetadataId", Catalog.metadataId("relationship", r.name()).toString());
    o.put("SchemaName", r.name());
    o.put("RelationshipType", "ManyToManyRelationship");
    o.put("Entity1LogicalName", r.table1());
    o.put("Entity2LogicalName", r.table2());
    o.put("IntersectEntityName", r.intersectTable());
    o.put("Entity1NavigationPropertyName", r.navigation1());
    o.put("Entity2NavigationPropertyName", r.navigation2());
    o.put("IsCustomRelationship", r.custom());
    return o;
  }

  static ArrayNode keys(Table t, Catalog catalog) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Catalog.KeyState k : catalog.keys(t.name())) out.add(key(t, k));
    return out;
  }

  static ObjectNode key(Table t, Catalog.KeyState k) {
    AlternateKey key = k.key();
    ObjectNode o = Json.object();
    o.put("MetadataId", Catalog.metadataId("key", t.name(), key.name()).toString());
    o.put("LogicalName", key.name());
    o.put("SchemaName", key.name());
    o.put("EntityLogicalName", t.name());
    o.set("DisplayName", label(key.name()));
    ArrayNode attrs = o.putArray("KeyAttributes");
    key.columns().forEach(attrs::add);
    o.put("EntityKeyIndexStatus", k.status().name());
    return o;
  }
}
