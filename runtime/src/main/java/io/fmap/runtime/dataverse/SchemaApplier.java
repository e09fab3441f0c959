package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.Column;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Relationship;
import io.fmap.schema.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Carries out a {@link SchemaDiff} with the metadata API: tables (with notes enabled, so that
 * annotations can be attached), columns, option values, alternate keys (then waits until their
 * index is active, because upserts by key fail before), N:N relationships; then publishes the
 * tables it touched.
 */
public final class SchemaApplier {
  /** English labels: the language every org has. */
  static final int LANGUAGE = 1033;

  private final DataverseClient client;
  private final String solution;
  private final Duration keyPoll;
  private final int keyPolls;

  /**
   * @param solution unmanaged solution that receives the components, or null for the default solution
   * @param keyPoll  pause between looks at a new key's index status
   * @param keyPolls how many looks before giving up
   */
  public SchemaApplier(DataverseClient client, String solution, Duration keyPoll, int keyPolls) {
    this.client = client;
    this.solution = solution;
    this.keyPoll = keyPoll;
    this.keyPolls = keyPolls;
  }

  /** Applies every change in order and returns one line per change; nothing when there was nothing to do. */
  public List<String> apply(SchemaDiff diff) throws IOException {
    return apply(diff, applied -> { });
  }

  /**
   * Applies every change in order, telling {@code applied} about each one the org accepted, as soon as it
   * did (the ledger keeps them so that {@code fmap rollback --schema} can take them out again, also when a
   * later change fails).
   */
  public List<String> apply(SchemaDiff diff, Consumer<SchemaRemover.Recorded> applied) throws IOException {
    List<String> done = new ArrayList<>();
    List<SchemaChange.CreateKey> keys = new ArrayList<>();
    TreeSet<String> touched = new TreeSet<>();
    for (SchemaChange change : diff.changes()) {
      ApiResponse answer;
      if (change instanceof SchemaChange.CreateTable t) {
        answer = post("EntityDefinitions", table(t.t()), change);
      } else if (change instanceof SchemaChange.CreateColumn c) {
        answer = createColumn(c);
      } else if (change instanceof SchemaChange.AddOption o) {
        answer = post("InsertOptionValue", insertOption(o), change);
      } else if (change instanceof SchemaChange.CreateKey k) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("SchemaName", k.key().name());
        body.set("DisplayName", label(k.key().name()));
        ArrayNode cols = body.putArray("KeyAttributes");
        k.key().columns().forEach(cols::add);
        answer = post(entity(k.table()) + "/Keys", body, change);
        keys.add(k);
      } else {
        SchemaChange.CreateRelationship r = (SchemaChange.CreateRelationship) change;
        answer = post("RelationshipDefinitions", manyToMany(r.r()), change);
        touched.add(r.r().table2());
      }
      applied.accept(SchemaRemover.recordOf(change, answer));
      touched.add(change.table());
      done.add(change.describe());
    }
    for (SchemaChange.CreateKey k : keys) awaitActive(k);
    if (!touched.isEmpty()) {
      StringBuilder xml = new StringBuilder("<importexportxml><entities>");
      touched.forEach(t -> xml.append("<entity>").append(t).append("</entity>"));
      xml.append("</entities></importexportxml>");
      ObjectNode body = Json.MAPPER.createObjectNode().put("ParameterXml", xml.toString());
      send("PublishXml", body, "publish " + touched);
      done.add("publish " + String.join(", ", touched));
    }
    return done;
  }

  /** The schema name of the 1:N relationship a lookup column is created with (and removed through). */
  static String lookupRelationship(SchemaChange.CreateColumn c) {
    return c.column().name() + "_" + c.column().targets().get(0).table() + "_" + c.table();
  }

  private ApiResponse createColumn(SchemaChange.CreateColumn c) throws IOException {
    Column col = c.column();
    if (col.type() == io.fmap.schema.ColumnType.LOOKUP && col.targets().size() == 1) {
      // A lookup is created as the referencing side of a one-to-many relationship.
      ObjectNode rel = Json.MAPPER.createObjectNode();
      rel.put("@odata.type", "Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata");
      rel.put("SchemaName", lookupRelationship(c));
      rel.put("ReferencedEntity", col.targets().get(0).table());
      rel.put("ReferencingEntity", c.table());
      ObjectNode lookup = attribute("LookupAttributeMetadata", "Lookup", "LookupType", col);
      rel.set("Lookup", lookup);
      return post("RelationshipDefinitions", rel, c);
    }
    return post(entity(c.table()) + "/Attributes", column(col), c);
  }

  static ObjectNode column(Column c) {
    ObjectNode a;
    switch (c.type()) {
      case TEXT -> {
        a = attribute("StringAttributeMetadata", "String", "StringType", c);
        a.put("MaxLength", c.maxLength() == null ? 100 : c.maxLength());
        a.putObject("FormatName").put("Value", "Text");
      }
      case MEMO, HTML -> {
        a = attribute("MemoAttributeMetadata", "Memo", "MemoType", c);
        a.put("MaxLength", c.maxLength() == null ? 2000 : c.maxLength());
        a.put("Format", "TextArea");
      }
      case INT -> a = range(attribute("IntegerAttributeMetadata", "Integer", "IntegerType", c), c);
      case BIGINT -> a = attribute("BigIntAttributeMetadata", "BigInt", "BigIntType", c);
      case DECIMAL -> a = precision(range(attribute("DecimalAttributeMetadata", "Decimal", "DecimalType", c), c), c);
      case DOUBLE -> a = precision(range(attribute("DoubleAttributeMetadata", "Double", "DoubleType", c), c), c);
      case MONEY -> {
        a = range(attribute("MoneyAttributeMetadata", "Money", "MoneyType", c), c);
        a.put("PrecisionSource", 2); // the currency's precision
      }
      case BOOL -> {
        a = attribute("BooleanAttributeMetadata", "Boolean", "BooleanType", c);
        ObjectNode set = a.putObject("OptionSet");
        set.putObject("TrueOption").put("Value", 1).set("Label", label("Yes"));
        set.putObject("FalseOption").put("Value", 0).set("Label", label("No"));
        set.put("OptionSetType", "Boolean");
        a.put("DefaultValue", false);
      }
      case DATE, DATETIME -> {
        a = attribute("DateTimeAttributeMetadata", "DateTime", "DateTimeType", c);
        a.put("Format", c.type() == io.fmap.schema.ColumnType.DATE ? "DateOnly" : "DateAndTime");
      }
      case CHOICE -> {
        a = attribute("PicklistAttributeMetadata", "Picklist", "PicklistType", c);
        a.set("OptionSet", optionSet(c, "Picklist"));
      }
      case CHOICES -> {
        a = attribute("MultiSelectPicklistAttributeMetadata", "Virtual", "MultiSelectPicklistType", c);
        a.set("OptionSet", optionSet(c, "Picklist"));
      }
      default -> throw new IllegalArgumentException("fmap cannot create a " + c.type() + " column ("
          + c.name() + ") through the metadata API; create it in the maker portal and run 'fmap schema pull'");
    }
    return a;
  }

  private static ObjectNode attribute(String metadataType, String attributeType, String typeName, Column c) {
    ObjectNode a = Json.MAPPER.createObjectNode();
    a.put("@odata.type", "Microsoft.Dynamics.CRM." + metadataType);
    a.put("AttributeType", attributeType);
    a.putObject("AttributeTypeName").put("Value", typeName);
    a.put("SchemaName", c.name());
    ObjectNode required = a.putObject("RequiredLevel");
    required.put("Value", switch (c.required()) {
      case SYSTEM_REQUIRED -> "SystemRequired";
      case APPLICATION_REQUIRED -> "ApplicationRequired";
      case RECOMMENDED -> "Recommended";
      case NONE -> "None";
    });
    required.put("CanBeChanged", true);
    required.put("ManagedPropertyLogicalName", "canmodifyrequirementlevelsettings");
    a.set("DisplayName", label(c.displayName() == null ? c.name() : c.displayName()));
    return a;
  }

  private static ObjectNode range(ObjectNode a, Column c) {
    if (c.minValue() != null) a.put("MinValue", c.minValue());
    if (c.maxValue() != null) a.put("MaxValue", c.maxValue());
    return a;
  }

  private static ObjectNode precision(ObjectNode a, Column c) {
    if (c.precision() != null) a.put("Precision", c.precision());
    return a;
  }

  private static ObjectNode optionSet(Column c, String type) {
    ObjectNode set = Json.MAPPER.createObjectNode();
    set.put("@odata.type", "Microsoft.Dynamics.CRM.OptionSetMetadata");
    set.put("IsGlobal", false);
    set.put("OptionSetType", type);
    ArrayNode options = set.putArray("Options");
    for (OptionValue o : c.options()) {
      ObjectNode option = options.addObject();
      if (o.value() == null) option.putNull("Value"); // the publisher's prefix numbers it
      else option.put("Value", o.value());
      option.set("Label", label(o.label()));
    }
    return set;
  }

  static ObjectNode table(Table t) {
    ObjectNode e = Json.MAPPER.createObjectNode();
    e.put("@odata.type", "Microsoft.Dynamics.CRM.EntityMetadata");
    e.put("SchemaName", t.name());
    String display = t.displayName() == null ? t.name() : t.displayName();
    e.set("DisplayName", label(display));
    e.set("DisplayCollectionName", label(display));
    e.set("Description", label("Created by fmap for the migration"));
    e.put("OwnershipType", t.ownership() == io.fmap.schema.Ownership.ORGANIZATION ? "OrganizationOwned" : "UserOwned");
    e.put("IsActivity", false);
    e.put("HasActivities", false);
    e.put("HasNotes", true);
    String primaryName = t.primaryNameColumn() == null ? t.name() + "_name" : t.primaryNameColumn();
    Column name = t.column(primaryName).orElse(new Column(primaryName, "Name", io.fmap.schema.ColumnType.TEXT, 100,
        null, null, null, io.fmap.schema.RequiredLevel.NONE, true, true, List.of(), List.of(), true));
    ObjectNode attribute = column(name);
    attribute.put("IsPrimaryName", true);
    e.putArray("Attributes").add(attribute);
    return e;
  }

  private static ObjectNode insertOption(SchemaChange.AddOption o) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("EntityLogicalName", o.table());
    body.put("AttributeLogicalName", o.column());
    body.put("Value", o.option().value());
    body.set("Label", label(o.option().label()));
    return body;
  }

  private static ObjectNode manyToMany(Relationship r) {
    ObjectNode rel = Json.MAPPER.createObjectNode();
    rel.put("@odata.type", "Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata");
    rel.put("SchemaName", r.name());
    rel.put("Entity1LogicalName", r.table1());
    rel.put("Entity2LogicalName", r.table2());
    rel.put("IntersectEntityName", r.intersectTable() == null ? r.name() : r.intersectTable());
    return rel;
  }

  static ObjectNode label(String text) {
    ObjectNode label = Json.MAPPER.createObjectNode();
    label.put("@odata.type", "Microsoft.Dynamics.CRM.Label");
    ObjectNode l = label.putArray("LocalizedLabels").addObject();
    l.put("@odata.type", "Microsoft.Dynamics.CRM.LocalizedLabel");
    l.put("Label", text);
    l.put("LanguageCode", LANGUAGE);
    return label;
  }

  private void awaitActive(SchemaChange.CreateKey k) throws IOException {
    String path = entity(k.table()) + "/Keys?$select=LogicalName,SchemaName,KeyAttributes,EntityKeyIndexStatus";
    for (int i = 0; i < keyPolls; i++) {
      ApiResponse r = client.send(ApiRequest.get(path));
      if (!r.ok()) throw new IOException("reading the keys of " + k.table() + " failed: " + r.error());
      for (JsonNode key : r.json().path("value")) {
        boolean same = k.key().name().equalsIgnoreCase(key.path("SchemaName").asText(key.path("LogicalName").asText()));
        if (!same) continue;
        String status = key.path("EntityKeyIndexStatus").asText("Active");
        if (status.equals("Active")) return;
        if (status.equals("Failed")) {
          throw new IOException("alternate key " + k.key().name() + " on " + k.table() + " failed to build its index;"
              + " the column probably holds duplicate values; fix them and run 'fmap schema apply' again");
        }
      }
      try {
        Thread.sleep(keyPoll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for a key index");
      }
    }
    throw new IOException("alternate key " + k.key().name() + " on " + k.table() + " is not active after "
        + keyPolls + " checks; run 'fmap schema apply' again later");
  }

  private ApiResponse post(String path, ObjectNode body, SchemaChange change) throws IOException {
    return send(path, body, change.describe());
  }

  private ApiResponse send(String path, ObjectNode body, String what) throws IOException {
    // Metadata creates are not repeatable blindly; a lost answer is settled by the next pull and diff.
    ApiRequest request = ApiRequest.json("POST", path, body.toString().getBytes(StandardCharsets.UTF_8), false);
    if (solution != null) request = request.withHeader("MSCRM.SolutionUniqueName", solution);
    ApiResponse r = client.send(request);
    if (!r.ok()) throw new IOException(what + " failed: " + r.error());
    return r;
  }

  private static String entity(String table) {
    return "EntityDefinitions(LogicalName=" + ODataKeys.literal(table) + ")";
  }
}
