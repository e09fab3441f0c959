package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.dataverse.DataverseMetadataReader;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an org's metadata for the tables a migration touches and turns it into the schema model
 * (through the checker's {@link DataverseMetadataReader}, so there is one reading of metadata).
 * Per table: the definition with its attributes, many-to-one and N:N relationships and keys in one
 * request, then option sets through the type casts the Web API requires for them.
 */
public final class SchemaPuller {
  static final String ENTITY_SELECT = "$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,"
      + "OwnershipType,IsActivity,IsCustomEntity,DisplayName"
      + "&$expand=Attributes,ManyToOneRelationships,ManyToManyRelationships,Keys";
  /** Option sets are navigation properties of these attribute types only, reachable only through a cast. */
  static final List<String> OPTION_TYPES = List.of("PicklistAttributeMetadata", "MultiSelectPicklistAttributeMetadata",
      "StateAttributeMetadata", "StatusAttributeMetadata");

  private final DataverseClient client;

  public SchemaPuller(DataverseClient client) { this.client = client; }

  /** The named tables plus every custom table of the org; a named table the org lacks is an error. */
  public SystemSchema pull(Collection<String> tables) throws IOException {
    return pull(tables, false);
  }

  /** Like {@link #pull} but leaves out named tables the org does not have (yet): what {@code apply} compares with. */
  public SystemSchema pullExisting(Collection<String> tables) throws IOException {
    return pull(tables, true);
  }

  private SystemSchema pull(Collection<String> tables, boolean skipMissing) throws IOException {
    TreeSet<String> names = new TreeSet<>(tables);
    names.addAll(customTables());
    ArrayNode entities = Json.MAPPER.createArrayNode();
    for (String table : names) {
      ObjectNode entity = entity(table, skipMissing);
      if (entity != null) entities.add(entity);
    }
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("value", entities);
    return DataverseMetadataReader.read(root.toString(), settings());
  }

  List<String> customTables() throws IOException {
    JsonNode json = get("EntityDefinitions?$select=LogicalName&$filter=IsCustomEntity%20eq%20true");
    List<String> out = new java.util.ArrayList<>();
    json.path("value").forEach(e -> out.add(e.path("LogicalName").asText()));
    return out;
  }

  ObjectNode entity(String table, boolean skipMissing) throws IOException {
    String base = "EntityDefinitions(LogicalName=" + ODataKeys.literal(table) + ")";
    ApiResponse r = client.send(ApiRequest.get(base + "?" + ENTITY_SELECT));
    if (r.code() == 404 && skipMissing) return null;
    if (r.code() == 404) {
      throw new IOException("table '" + table + "' does not exist in " + client.apiRoot()
          + "; remove it from the table list or run 'fmap schema apply' first");
    }
    if (!r.ok()) throw new IOException("reading the definition of " + table + " failed: " + r.error());
    ObjectNode entity = (ObjectNode) r.json();
    Map<String, ObjectNode> byName = new HashMap<>();
    entity.path("Attributes").forEach(a -> byName.put(a.path("LogicalName").asText(), (ObjectNode) a));
    for (String type : OPTION_TYPES) {
      JsonNode typed = get(base + "/Attributes/Microsoft.Dynamics.CRM." + type + "?$select=LogicalName&$expand=OptionSet");
      for (JsonNode a : typed.path("value")) {
        ObjectNode target = byName.get(a.path("LogicalName").asText());
        if (target != null && a.has("OptionSet")) target.set("OptionSet", a.get("OptionSet"));
      }
    }
    return entity;
  }

  SortedMap<String, String> settings() throws IOException {
    SortedMap<String, String> settings = new TreeMap<>();
    JsonNode org = get("organizations?$select=maxuploadfilesize").path("value").path(0);
    if (org.has("maxuploadfilesize")) settings.put("maxuploadfilesize", org.get("maxuploadfilesize").asText());
    return settings;
  }

  private JsonNode get(String path) throws IOException {
    ApiResponse r = client.send(ApiRequest.get(path));
    if (!r.ok()) throw new IOException("GET " + path + " failed: " + r.error());
    return r.json();
  }
}
