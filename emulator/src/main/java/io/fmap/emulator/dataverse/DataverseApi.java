package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fmap.schema.Column;
import io.fmap.schema.Relationship;
import io.fmap.schema.Table;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything under {@code /api/data/v9.2/}, independent of sockets: the HTTP front end and
 * {@code $batch} both call {@link #handle}. Errors become the platform's JSON answer here.
 */
final class DataverseApi {
  private static final String CRM = "Microsoft.Dynamics.CRM.";

  private final Store store;
  private final RowWriter writer;
  private final Queries queries;
  private final MetadataApi metadata;
  private final AnnotationUploads uploads;
  private final OpportunityCloseActions closeActions;
  private final SeededOrg org;
  private volatile String baseUrl = "http://127.0.0.1/api/data/v9.2/";

  DataverseApi(Store store, Clock clock, java.time.Duration keyActivation, SeededOrg org) {
    this.store = store;
    this.writer = new RowWriter(store, clock);
    this.queries = new Queries(store);
    this.metadata = new MetadataApi(store, clock, keyActivation);
    this.uploads = new AnnotationUploads(store, writer);
    this.closeActions = new OpportunityCloseActions(store, writer);
    this.org = org;
  }

  void baseUrl(String url) { this.baseUrl = url; }

  String baseUrl() { return baseUrl; }

  MetadataApi metadata() { return metadata; }

  ApiResponse handle(ApiRequest request) {
    try {
      metadata.activatePendingKeys();
      return route(request);
    } catch (DataverseError e) {
      return ApiResponse.error(e);
    }
  }

  private ApiResponse route(ApiRequest r) {
    List<String> segments = r.segments();
    if (segments.isEmpty()) return serviceDocument();
    String first = segments.get(0);
    switch (first) {
      case "$batch" -> {
        if (!r.method().equals("POST")) throw MetadataApi.methodNotAllowed(r.method());
        return new Batch.Runner(this::handle, work -> store.write(tx -> work.get())).run(r);
      }
      case "WhoAmI", "WhoAmI()" -> {
        if (!r.method().equals("GET")) {
          throw new DataverseError(404, "0x80060888", "No HTTP resource was found that matches the request URI '" + baseUrl + first + "'.");
        }
        ObjectNode o = Json.object();
        o.put("@odata.context", baseUrl + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
        o.put("BusinessUnitId", org.businessUnitId().toString());
        o.put("UserId", r.caller().toString());
        o.put("OrganizationId", org.organizationId().toString());
        return ApiResponse.json(200, Json.write(o), 0);
      }
      case "PublishXml" -> { return metadata.publish(r, false); }
      case "PublishAllXml" -> { return metadata.publish(r, true); }
      case "RelationshipDefinitions" -> { return metadata.relationshipDefinitions(r, baseUrl); }
      case "InsertOptionValue" -> { return metadata.insertOptionValue(r, baseUrl); }
      case "DeleteOptionValue" -> { return metadata.deleteOptionValue(r); }
      case "InitializeAnnotationBlocksUpload" -> { return uploads.initialize(r); }
      case "UploadBlock" -> { return uploads.uploadBlock(r); }
      case "CommitAnnotationBlocksUpload" -> { return uploads.commit(r, context(r)); }
      case "WinOpportunity" -> { return closeActions.close(r, context(r), true); }
      case "LoseOpportunity" -> { return closeActions.close(r, context(r), false); }
      default -> { }
    }
    if (first.startsWith("EntityDefinitions")) return metadata.entityDefinitions(r, segments, baseUrl);
    if (first.startsWith("RelationshipDefinitions(")) return metadata.relationshipDefinitions(r, baseUrl);
    EntityRef ref = EntityRef.parse(first);
    Table table = store.read(s -> s.catalog().byEntitySet(ref.name())).orElseThrow(() -> DataverseError.segment(ref.name()));
    if (ref.isCollection()) {
      if (segments.size() == 1) {
        return switch (r.method()) {
          case "GET" -> store.read(s -> queries.query(table, r, baseUrl));
          case "POST" -> create(table, r);
          default -> throw MetadataApi.methodNotAllowed(r.method());
        };
      }
      if (segments.size() == 2 && segments.get(1).startsWith(CRM) && r.method().equals("POST")) {
        return bulk(table, segments.get(1).substring(CRM.length()), r);
      }
      throw DataverseError.segment(segments.get(1));
    }
    if (segments.size() == 1) {
      return switch (r.method()) {
        case "GET" -> retrieve(table, ref, r);
        case "PATCH" -> upsert(table, ref, r);
        case "DELETE" -> {
          store.writeVoid(tx -> {
            Row row = writer.find(table, ref);
            writer.delete(tx, table, row, r.header("If-Match"));
          });
          yield ApiResponse.noContent(1);
        }
        default -> throw MetadataApi.methodNotAllowed(r.method());
      };
    }
    if (segments.size() == 3 && segments.get(2).equals("$ref") && r.method().equals("POST")) {
      return associate(table, ref, segments.get(1), r);
    }
    if (segments.size() == 3 && segments.get(2).equals("$ref") && r.method().equals("DELETE")) {
      return disassociate(table, ref, EntityRef.parse(segments.get(1)));
    }
    return property(table, ref, segments.subList(1, segments.size()), r);
  }

  private RowWriter.Context context(ApiRequest r) { return new RowWriter.Context(r.caller(), r.contentIds()); }

  private String entityUrl(Table table, UUID id) { return baseUrl + table.entitySetName() + "(" + id + ")"; }

  private ApiResponse create(Table table, ApiRequest r) {
    ObjectNode body = Json.body(r);
    Row row = store.write(tx -> writer.create(tx, table, body, context(r)));
    if (r.prefers("return=representation")) {
      ObjectNode o = represent(table, row, r);
      return ApiResponse.json(201, Json.write(o), 1);
    }
    return ApiResponse.noContent(1, entityUrl(table, row.id()));
  }

  private ObjectNode represent(Table table, Row row, ApiRequest r) {
    List<Column> columns = RowJson.select(table, r.query().get("$select"));
    ObjectNode o = Json.object();
    o.put("@odata.context", baseUrl + "$metadata#" + table.entitySetName() + "/$entity");
    o.setAll(RowJson.render(table, row, columns, r.prefers("odata.include-annotations")));
    return o;
  }

  private ApiResponse retrieve(Table table, EntityRef ref, ApiRequest r) {
    Row row = store.read(s -> writer.find(table, ref));
    String ifNoneMatch = r.header("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.equals(row.etag())) {
      return new ApiResponse(304, Map.of("OData-Version", "4.0"), null, 1);
    }
    return ApiResponse.json(200, Json.write(represent(table, row, r)), 1);
  }

  private ApiResponse upsert(Table table, EntityRef ref, ApiRequest r) {
    ObjectNode body = Json.body(r);
    RowWriter.Written w = store.write(tx -> writer.upsert(tx, table, ref, body, r.header("If-Match"),
        r.header("If-None-Match"), context(r)));
    if (r.prefers("return=representation")) {
      return ApiResponse.json(w.created() ? 201 : 200, Json.write(represent(table, w.row(), r)), 1);
    }
    String location = ref.id() != null ? entityUrl(table, ref.id()) : baseUrl + table.entitySetName()
        + "(" + keyText(ref) + ")";
    return ApiResponse.noContent(1, location);
  }

  private static String keyText(EntityRef ref) {
    List<String> parts = new ArrayList<>();
    ref.key().forEach((k, v) -> parts.add(k + "='" + v.replace("'", "''") + "'"));
    return String.join(",", parts);
  }

  /** Reading, setting or clearing one property: {@code accounts(id)/name}, {@code annotations(id)/documentbody/$value}. */
  private ApiResponse property(Table table, EntityRef ref, List<String> rest, ApiRequest r) {
    String name = rest.get(0);
    boolean raw = rest.size() == 2 && rest.get(1).equals("$value");
    if (rest.size() > 2 || (rest.size() == 2 && !raw)) throw DataverseError.segment(rest.get(rest.size() - 1));
    Column column = table.column(name).filter(c -> !Catalog.isLookup(c.type()))
        .orElseThrow(() -> DataverseError.segment(name));
    switch (r.method()) {
      case "GET" -> {
        Row row = store.read(s -> writer.find(table, ref));
        JsonNode v = column.name().equals(table.primaryIdColumn()) ? TextNode.valueOf(row.id().toString()) : row.get(name);
        if (raw) {
          if (v == null || v.isNull()) return new ApiResponse(204, Map.of("OData-Version", "4.0"), null, 1);
          return new ApiResponse(200, Map.of("Content-Type", "text/plain", "OData-Version", "4.0"),
              v.asText().getBytes(StandardCharsets.UTF_8), 1);
        }
        ObjectNode o = Json.object();
        o.put("@odata.context", baseUrl + "$metadata#" + table.entitySetName() + "(" + row.id() + ")/" + name);
        o.set("value", v == null ? NullNode.getInstance() : v);
        return ApiResponse.json(200, Json.write(o), 1);
      }
      case "PUT", "DELETE" -> {
        ObjectNode patch = Json.object();
        patch.set(name, r.method().equals("DELETE") ? NullNode.getInstance() : Json.body(r).path("value"));
        store.writeVoid(tx -> {
          Row row = writer.find(table, ref);
          writer.update(tx, table, row, patch, context(r), Set.of());
        });
        return ApiResponse.noContent(1);
      }
      default -> throw MetadataApi.methodNotAllowed(r.method());
    }
  }

  private Relationship manyToMany(Table table, String nav) {
    return store.read(s -> s.catalog().manyToMany()).stream()
        .filter(x -> (x.table1().equals(table.name()) && nav.equals(x.navigation1()))
            || (x.table2().equals(table.name()) && nav.equals(x.navigation2())))
        .findFirst().orElseThrow(() -> DataverseError.segment(nav));
  }

  private static UUID linkId(Relationship rel, UUID id1, UUID id2) {
    return UUID.nameUUIDFromBytes((rel.name() + ":" + id1 + ":" + id2).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * N:N disassociation: {@code DELETE accounts(id)/new_account_project(otherId)/$ref}. A link that is not
   * there answers 404, as the platform does.
   */
  private ApiResponse disassociate(Table table, EntityRef ref, EntityRef navRef) {
    if (navRef.id() == null) {
      throw DataverseError.badRequest(DataverseError.ODATA, "Disassociating needs the other row's id: "
          + "DELETE <set>(<id>)/<navigation>(<other id>)/$ref.");
    }
    Relationship rel = manyToMany(table, navRef.name());
    store.writeVoid(tx -> {
      Row row = writer.find(table, ref);
      boolean first = table.name().equals(rel.table1());
      UUID link = linkId(rel, first ? row.id() : navRef.id(), first ? navRef.id() : row.id());
      String intersect = "intersect:" + rel.intersectTable();
      if (store.get(intersect, link).isEmpty()) {
        throw new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST, "The " + rel.name() + " link between "
            + row.id() + " and " + navRef.id() + " does not exist.");
      }
      tx.remove(intersect, link);
    });
    return ApiResponse.noContent(1);
  }

  /** N:N association: {@code POST accounts(id)/new_account_project/$ref} with {@code {"@odata.id": uri}}. */
  private ApiResponse associate(Table table, EntityRef ref, String nav, ApiRequest r) {
    Relationship rel = manyToMany(table, nav);
    String uri = Json.body(r).path("@odata.id").asText("");
    if (uri.startsWith("$")) uri = r.contentIds().getOrDefault(uri.substring(1), uri);
    EntityRef otherRef = EntityRef.parseUri(uri);
    String finalUri = uri;
    store.writeVoid(tx -> {
      Row row = writer.find(table, ref);
      Table otherTable = store.catalog().byEntitySet(otherRef.name()).orElseThrow(() -> DataverseError.segment(finalUri));
      String expected = table.name().equals(rel.table1()) ? rel.table2() : rel.table1();
      if (!otherTable.name().equals(expected)) {
        throw DataverseError.badRequest(DataverseError.ODATA, "The relationship '" + rel.name() + "' links " + rel.table1()
            + " and " + rel.table2() + "; '" + otherTable.name() + "' cannot be associated through it.");
      }
      Row other = writer.find(otherTable, otherRef);
      UUID id1 = table.name().equals(rel.table1()) ? row.id() : other.id();
      UUID id2 = table.name().equals(rel.table1()) ? other.id() : row.id();
      UUID linkId = linkId(rel, id1, id2);
      String intersect = "intersect:" + rel.intersectTable();
      if (store.get(intersect, linkId).isPresent()) {
        throw new DataverseError(412, DataverseError.DUPLICATE_RECORD, "Cannot insert duplicate key.");
      }
      Map<String, JsonNode> values = new HashMap<>();
      values.put(rel.table1() + "id", TextNode.valueOf(id1.toString()));
      values.put(rel.table2() + "id", TextNode.valueOf(id2.toString()));
      tx.put(new Row(intersect, linkId, store.nextVersion(), values, Map.of()));
    });
    return ApiResponse.noContent(1);
  }

  // ------------------------------------------------------------------ bulk messages

  private ApiResponse bulk(Table table, String message, ApiRequest r) {
    boolean supported = store.read(s -> s.catalog().supportsBulk(table.name(), message));
    if (!Catalog.BULK_MESSAGES.contains(message) || !supported) throw DataverseError.segment(CRM + message);
    ObjectNode body = Json.body(r);
    JsonNode targets = body.get("Targets");
    if (targets == null || !targets.isArray() || targets.isEmpty()) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Targets must be a non-empty array of " + table.name() + " records.");
    }
    for (JsonNode t : targets) {
      String type = t.path("@odata.type").asText("");
      if (!type.equals(CRM + table.name()) && !type.equals("#" + CRM + table.name())) {
        throw DataverseError.badRequest(DataverseError.ODATA, "Every Target needs \"@odata.type\": \"" + CRM + table.name()
            + "\"; found '" + type + "'. All Targets must be of the same table.");
      }
    }
    // Standard tables: one transaction, so any failing Target rolls the whole request back.
    List<UUID> ids = store.write(tx -> {
      List<UUID> out = new ArrayList<>();
      for (JsonNode t : targets) {
        ObjectNode target = ((ObjectNode) t).deepCopy();
        switch (message) {
          case "CreateMultiple" -> out.add(writer.create(tx, table, target, context(r)).id());
          case "UpdateMultiple" -> {
            JsonNode id = target.remove(table.primaryIdColumn());
            if (id == null || id.isNull()) {
              throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "UpdateMultiple Targets must include " + table.primaryIdColumn() + ".");
            }
            UUID uuid = ColumnValues.guid(id);
            Row row = store.get(table.name(), uuid).orElseThrow(() -> DataverseError.notFound(table.name(), uuid));
            out.add(writer.update(tx, table, row, target, context(r), Set.of()).id());
          }
          default -> {
            JsonNode odataId = target.remove("@odata.id");
            EntityRef ref;
            if (odataId != null) ref = EntityRef.parseUri(odataId.asText());
            else if (target.hasNonNull(table.primaryIdColumn())) {
              ref = new EntityRef(table.entitySetName(), ColumnValues.guid(target.remove(table.primaryIdColumn())), Map.of(), true);
            } else {
              throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "UpsertMultiple Targets need \"@odata.id\" (alternate key URL) or " + table.primaryIdColumn() + ".");
            }
            out.add(writer.upsert(tx, table, ref, target, null, null, context(r)).row().id());
          }
        }
      }
      return out;
    });
    if (!message.equals("CreateMultiple")) return ApiResponse.noContent(ids.size());
    ObjectNode o = Json.object();
    o.put("@odata.context", baseUrl + "$metadata#" + CRM + "CreateMultipleResponse");
    ArrayNode arr = o.putArray("Ids");
    ids.forEach(id -> arr.add(id.toString()));
    return ApiResponse.json(200, Json.write(o), ids.size());
  }

  private ApiResponse serviceDocument() {
    ObjectNode o = Json.object();
    o.put("@odata.context", baseUrl + "$metadata");
    ArrayNode value = o.putArray("value");
    for (Table t : store.read(s -> s.catalog().tables())) {
      ObjectNode e = value.addObject();
      e.put("name", t.entitySetName());
      e.put("kind", "EntitySet");
      e.put("url", t.entitySetName());
    }
    return ApiResponse.json(200, Json.write(o), 0);
  }

  Optional<Table> table(String name) { return store.read(s -> s.catalog().table(name)); }

  static Map<String, String> headersOf(ApiResponse r) { return new LinkedHashMap<>(r.headers()); }
}
