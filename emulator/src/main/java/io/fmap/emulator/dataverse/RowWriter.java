package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.Table;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, updates, upserts and deletes rows with the platform's rules: property names checked
 * case-sensitively, values against their columns, lookups bound by navigation property to rows
 * that exist, SystemRequired columns present, alternate keys unique, closed records read-only.
 * Every method runs inside a {@link Store.Tx}.
 */
final class RowWriter {
  /** Columns the platform fills itself, so SystemRequired does not oblige the caller to send them. */
  private static final Set<ColumnType> PLATFORM_FILLED = Set.of(ColumnType.ID, ColumnType.OWNER, ColumnType.STATE,
      ColumnType.STATUS);
  /** Tables whose rows become read-only once their statecode leaves 0 (fact sheet §7.3–7.5). */
  private static final Set<String> CLOSABLE = Set.of("lead", "opportunity");
  /** Tables Dataverse closes only through an action that records the close (fact sheet §7.4). */
  static final Set<String> CLOSED_BY_ACTION = Set.of("opportunity");
  /** Self-referencing lookups the platform keeps a tree (the account hierarchy): no row may become its own ancestor. */
  private static final Map<String, String> HIERARCHIES = Map.of("account", "parentaccountid");
  private static final List<String> CREATED_MODIFIED_BY = List.of("createdby", "modifiedby");

  private final Store store;
  private final Clock clock;

  RowWriter(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What a write did: the row, and whether it was created (201) or updated (200). */
  record Written(Row row, boolean created) {}

  /** The context a write runs in: who calls, and {@code $n} references of the change set. */
  record Context(UUID caller, Map<String, String> contentIds) {
    /** The caller's id as stored in ownerid/createdby/modifiedby; one shared node per application user. */
    TextNode callerText() {
      TextNode cached = CALLERS.get(caller);
      if (cached != null) return cached;
      TextNode text = TextNode.valueOf(caller.toString());
      if (CALLERS.size() < 256) CALLERS.put(caller, text);
      return text;
    }
  }

  private static final Map<UUID, TextNode> CALLERS = new java.util.concurrent.ConcurrentHashMap<>();

  private record Stamp(long epochSecond, TextNode text) {}

  private volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, null);

  /** The time stored in createdon/modifiedon (whole seconds): formatted once a second, not once per row. */
  private TextNode now() {
    java.time.Instant instant = clock.instant();
    Stamp stamp = lastStamp;
    if (stamp.epochSecond() != instant.getEpochSecond()) {
      stamp = new Stamp(instant.getEpochSecond(), TextNode.valueOf(ColumnValues.now(instant)));
      lastStamp = stamp;
    }
    return stamp.text();
  }

  // ---------------------------------------------------------------- create

  Row create(Store.Tx tx, Table table, ObjectNode body, Context ctx) {
    Catalog catalog = store.catalog();
    Map<String, JsonNode> values = new HashMap<>();
    Map<String, String> lookups = new HashMap<>();
    List<ObjectNode> parties = new ArrayList<>();
    String partyNav = null;
    UUID id = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      JsonNode value = f.getValue();
      if (name.endsWith("@odata.bind")) {
        bind(tx, table, name.substring(0, name.length() - "@odata.bind".length()), value, values, lookups, ctx);
        continue;
      }
      if (name.contains("@")) continue; // instance annotations (@odata.type, ...) carry no data
      if (value != null && value.isArray() && name.equals(table.name() + "_activity_parties")) {
        partyNav = name;
        value.forEach(p -> { if (p instanceof ObjectNode o) parties.add(o); });
        continue;
      }
      if (value != null && value.isObject()) {
        deepInsert(tx, table, name, (ObjectNode) value, values, lookups, ctx);
        continue;
      }
      Column column = column(table, name);
      if (column.name().equals(table.primaryIdColumn())) {
        id = ColumnValues.guid(value);
        continue;
      }
      if (!column.validForCreate()) {
        if (column.type() == ColumnType.STATE) throw stateOnCreate(table, column);
        continue; // the platform ignores values of columns not valid for create
      }
      values.put(name, ColumnValues.convert(table, column, value));
    }
    if (id == null) id = UUID.randomUUID();
    if (store.get(table.name(), id).isPresent()) {
      throw new DataverseError(412, DataverseError.DUPLICATE_RECORD, "Cannot insert duplicate key.");
    }
    fillDefaults(table, values, lookups, ctx, now());
    annotationBody(table, values);
    checkRequired(table, values, lookups);
    checkStatus(table, values);
    Row row = new Row(table.name(), id, store.nextVersion(), values, lookups);
    checkKeys(table, row);
    tx.put(row);
    for (ObjectNode party : parties) {
      ObjectNode p = party.deepCopy();
      p.put("activityid_" + table.name() + "@odata.bind", "/" + table.entitySetName() + "(" + id + ")");
      Table partyTable = catalog.require("activityparty");
      create(tx, partyTable, p, ctx);
    }
    if (partyNav != null && catalog.table("activityparty").isEmpty()) throw DataverseError.invalidProperty(partyNav, table.name());
    return row;
  }

  private void fillDefaults(Table table, Map<String, JsonNode> values, Map<String, String> lookups, Context ctx, TextNode now) {
    if (table.ownership() == Ownership.USER && ColumnIndex.of(table).has("ownerid") && !lookups.containsKey("ownerid")) {
      values.put("ownerid", ctx.callerText());
      lookups.put("ownerid", "systemuser");
    }
    for (String who : CREATED_MODIFIED_BY) {
      if (ColumnIndex.of(table).has(who)) {
        values.put(who, ctx.callerText());
        lookups.put(who, "systemuser");
      }
    }
    JsonNode overridden = values.remove("overriddencreatedon");
    if (ColumnIndex.of(table).has("createdon")) {
      // overriddencreatedon becomes createdon; the real load time is kept in overriddencreatedon.
      values.put("createdon", overridden != null && !overridden.isNull() ? overridden : now);
      if (overridden != null && !overridden.isNull()) values.put("overriddencreatedon", now);
    }
    if (ColumnIndex.of(table).has("modifiedon")) values.put("modifiedon", now);
    if (table.activity() && ColumnIndex.of(table).has("activitytypecode")) values.put("activitytypecode", TextNode.valueOf(table.name()));
    stateColumn(table).ifPresent(state -> {
      if (!values.containsKey(state.name()) && !state.options().isEmpty()) {
        values.put(state.name(), IntNode.valueOf(state.options().get(0).value()));
      }
    });
    statusColumn(table).ifPresent(status -> {
      JsonNode v = values.get(status.name());
      if (v == null || v.isNull()) defaultStatus(table, values).ifPresent(s -> values.put(status.name(), IntNode.valueOf(s)));
    });
    if (ColumnIndex.of(table).has("fullname") && ColumnIndex.of(table).has("lastname")) {
      String first = text(values.get("firstname"));
      String last = text(values.get("lastname"));
      String full = (first + " " + last).trim();
      if (!full.isEmpty()) values.put("fullname", TextNode.valueOf(full));
    }
    if (ColumnIndex.of(table).has("isdisabled")) values.putIfAbsent("isdisabled", BooleanNode.FALSE);
    // Required choices have a default value in their option set; the platform applies it.
    for (Column c : table.columns()) {
      if (c.required() == RequiredLevel.SYSTEM_REQUIRED && c.type() == ColumnType.CHOICE && !c.options().isEmpty()
          && !values.containsKey(c.name())) {
        values.put(c.name(), IntNode.valueOf(c.options().get(0).value()));
      }
    }
  }

  private static String text(JsonNode n) { return n == null || n.isNull() ? "" : n.asText(); }

  private void checkRequired(Table table, Map<String, JsonNode> values, Map<String, String> lookups) {
    for (Column c : table.columns()) {
      if (c.required() != RequiredLevel.SYSTEM_REQUIRED || !c.validForCreate() || PLATFORM_FILLED.contains(c.type())) continue;
      if (c.name().equals(table.primaryIdColumn())) continue;
      JsonNode v = values.get(c.name());
      if (v == null || v.isNull()) {
        throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Attribute '" + c.name() + "' of entity '"
            + table.name() + "' is SystemRequired and cannot be null; include it in the request body"
            + (Catalog.isLookup(c.type()) ? " as a navigation property bind." : "."));
      }
    }
  }

  private static DataverseError stateOnCreate(Table table, Column column) {
    return DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "'" + column.name() + "' is not valid for create on '"
        + table.name() + "'. Create the record in its default state, then update statecode and statuscode.");
  }

  // ---------------------------------------------------------------- update

  Row update(Store.Tx tx, Table table, Row existing, ObjectNode body, Context ctx, Set<String> dropColumns) {
    JsonNode state = body.get("statecode");
    if (CLOSED_BY_ACTION.contains(table.name()) && state != null && !state.isNull() && state.asInt() != 0) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "An " + table.name() + " is closed as won or lost "
          + "through the WinOpportunity or LoseOpportunity action, which records the close; an update cannot set statecode "
          + state.asInt() + ".");
    }
    return applyUpdate(tx, table, existing, body, ctx, dropColumns);
  }

  /** An update without the close-by-action rule: what the close actions themselves run. */
  Row applyUpdate(Store.Tx tx, Table table, Row existing, ObjectNode body, Context ctx, Set<String> dropColumns) {
    Map<String, JsonNode> values = new HashMap<>(existing.values());
    Map<String, String> lookups = new HashMap<>(existing.lookups());
    boolean onlyState = true;
    boolean stateChanged = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      JsonNode value = f.getValue();
      if (name.endsWith("@odata.bind")) {
        onlyState = false;
        bind(tx, table, name.substring(0, name.length() - "@odata.bind".length()), value, values, lookups, ctx);
        continue;
      }
      if (name.contains("@") || dropColumns.contains(name)) continue;
      Column column = column(table, name);
      if (column.name().equals(table.primaryIdColumn()) || !column.validForUpdate()) continue;
      JsonNode converted = ColumnValues.convert(table, column, value);
      if (column.type() == ColumnType.STATE || column.type() == ColumnType.STATUS) {
        stateChanged |= column.type() == ColumnType.STATE;
      } else {
        onlyState = false;
      }
      values.put(name, converted);
    }
    if (isClosed(table, existing) && !onlyState) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "This " + table.name()
          + " is closed (statecode " + existing.get("statecode") + ") and is read-only; set statecode back to 0 to edit it.");
    }
    statusColumn(table).ifPresent(status -> {
      if (body.has("statecode") && !body.has(status.name())) defaultStatus(table, values).ifPresent(s -> values.put(status.name(), IntNode.valueOf(s)));
    });
    if (stateChanged || body.has("statuscode")) checkStatus(table, values);
    if (ColumnIndex.of(table).has("modifiedon")) values.put("modifiedon", now());
    if (ColumnIndex.of(table).has("modifiedby")) {
      values.put("modifiedby", ctx.callerText());
      lookups.put("modifiedby", "systemuser");
    }
    if (ColumnIndex.of(table).has("fullname") && ColumnIndex.of(table).has("lastname")
        && (body.has("firstname") || body.has("lastname"))) {
      values.put("fullname", TextNode.valueOf((text(values.get("firstname")) + " " + text(values.get("lastname"))).trim()));
    }
    annotationBody(table, values);
    checkHierarchy(table, existing.id(), values);
    Row row = new Row(table.name(), existing.id(), store.nextVersion(), values, lookups);
    checkKeys(table, row);
    tx.put(row);
    return row;
  }

  static boolean isClosed(Table table, Row row) {
    if (!table.activity() && !CLOSABLE.contains(table.name())) return false;
    JsonNode state = row.get("statecode");
    return state != null && state.isInt() && state.asInt() != 0;
  }

  // ---------------------------------------------------------------- upsert / delete

  /**
   * PATCH on one row: by id or by alternate key, with {@code If-Match: *} (update only),
   * {@code If-Match: W/"n"} (optimistic concurrency) or {@code If-None-Match: *} (create only).
   */
  Written upsert(Store.Tx tx, Table table, EntityRef ref, ObjectNode body, String ifMatch, String ifNoneMatch, Context ctx) {
    Optional<Row> existing;
    Map<String, JsonNode> keyValues = Map.of();
    if (ref.id() != null) {
      existing = store.get(table.name(), ref.id());
    } else {
      AlternateKey key = matchingKey(table, ref);
      keyValues = keyLiterals(table, ref);
      existing = store.rows(table.name()).byKey(key, normalised(key, keyValues)).flatMap(id -> store.get(table.name(), id));
    }
    if ("*".equals(ifNoneMatch) && existing.isPresent()) {
      throw new DataverseError(412, "", "A record with matching key values already exists.");
    }
    if (ifMatch != null) {
      if (existing.isEmpty()) throw missing(table, ref);
      if (!"*".equals(ifMatch) && !ifMatch.equals(existing.get().etag())) throw versionMismatch();
    }
    if (existing.isPresent()) {
      return new Written(update(tx, table, existing.get(), body, ctx, keyValues.keySet()), false);
    }
    // A shallow copy: create reads the values and never changes them, so they need not be copied too.
    ObjectNode createBody = Json.object();
    createBody.setAll(body);
    if (ref.id() != null) createBody.put(table.primaryIdColumn(), ref.id().toString());
    keyValues.forEach((column, value) -> {
      Column c = ColumnIndex.of(table).column(column).orElseThrow();
      if (Catalog.isLookup(c.type()) && !c.targets().isEmpty()) {
        // A key over a lookup (_x_value=<guid>) becomes a bind on create: lookups are never written directly.
        Table target = store.catalog().require(c.targets().get(0).table());
        String bind = c.targets().get(0).navigationProperty() + "@odata.bind";
        if (!createBody.has(bind)) createBody.put(bind, "/" + target.entitySetName() + "(" + value.asText() + ")");
      } else if (!createBody.has(column)) {
        createBody.set(column, value);
      }
    });
    return new Written(create(tx, table, createBody, ctx), true);
  }

  static DataverseError versionMismatch() {
    return new DataverseError(412, "", "The version of the existing record doesn't match the RowVersion property provided.");
  }

  static DataverseError missing(Table table, EntityRef ref) {
    if (ref.id() != null) return DataverseError.notFound(table.name(), ref.id());
    return new DataverseError(404, DataverseError.KEY_NOT_FOUND, "A record with the specified key values does not exist in "
        + table.name() + " entity");
  }

  void delete(Store.Tx tx, Table table, Row row, String ifMatch) {
    if (ifMatch != null && !"*".equals(ifMatch) && !ifMatch.equals(row.etag())) throw versionMismatch();
    tx.remove(table.name(), row.id());
    // An activity's parties (senders, recipients, attendees) are deleted with it, as on an org.
    if (table.activity()) {
      for (Row party : store.all("activityparty")) {
        JsonNode of = party.get("activityid");
        if (of != null && row.id().toString().equals(of.asText())) tx.remove("activityparty", party.id());
      }
    }
    // A deleted row's N:N links go with it.
    for (io.fmap.schema.Relationship rel : store.catalog().manyToMany()) {
      for (String side : java.util.List.of(rel.table1(), rel.table2()).stream().distinct().toList()) {
        if (!side.equals(table.name())) continue;
        for (Row link : store.all("intersect:" + rel.intersectTable())) {
          JsonNode end = link.get(side + "id");
          if (end != null && row.id().toString().equals(end.asText())) tx.remove(link.table(), link.id());
        }
      }
    }
    if (table.name().equals("opportunity")) {
      // Parental relationship: an opportunity's close activities (WinOpportunity, LoseOpportunity) go with it.
      for (Row close : store.all("opportunityclose")) {
        JsonNode of = close.get("opportunityid");
        if (of != null && row.id().toString().equals(of.asText())) tx.remove("opportunityclose", close.id());
      }
    }
  }

  /** Finds a row by id or alternate key, or answers the platform's 404. */
  Row find(Table table, EntityRef ref) {
    if (ref.id() != null) return store.get(table.name(), ref.id()).orElseThrow(() -> DataverseError.notFound(table.name(), ref.id()));
    AlternateKey key = matchingKey(table, ref);
    return store.rows(table.name()).byKey(key, normalised(key, keyLiterals(table, ref)))
        .flatMap(id -> store.get(table.name(), id)).orElseThrow(() -> missing(table, ref));
  }

  /** A key's values as its index holds them ({@link Store#normalise}), in the key's column order. */
  private static List<String> normalised(AlternateKey key, Map<String, JsonNode> literals) {
    List<String> columns = key.columns();
    if (columns.size() == 1) return List.of(Store.normalise(literals.get(columns.get(0))));
    List<String> out = new ArrayList<>(columns.size());
    for (String c : columns) out.add(Store.normalise(literals.get(c)));
    return out;
  }

  private AlternateKey matchingKey(Table table, EntityRef ref) {
    Set<String> columns = new java.util.HashSet<>();
    ref.key().keySet().forEach(k -> columns.add(lookupKeyColumn(k)));
    for (Catalog.KeyState state : store.catalog().keys(table.name())) {
      List<String> keyColumns = state.key().columns();
      // Same set of columns: a key lists each column once, so equal sizes and containment suffice.
      if (keyColumns.size() == columns.size() && columns.containsAll(keyColumns)) {
        if (state.status() != Catalog.KeyStatus.Active) {
          throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The alternate key '" + state.key().name()
              + "' of entity '" + table.name() + "' is not active yet (EntityKeyIndexStatus " + state.status()
              + "); wait until it is Active.");
        }
        return state.key();
      }
    }
    throw DataverseError.badRequest(DataverseError.ODATA, "The key in the request URI is not valid for resource "
        + "'Microsoft.Dynamics.CRM." + table.name() + "'. Ensure that the names and number of key properties match the "
        + "declared or alternate key properties for the resource 'Microsoft.Dynamics.CRM." + table.name() + "'.");
  }

  private static String lookupKeyColumn(String k) {
    return k.startsWith("_") && k.endsWith("_value") ? k.substring(1, k.length() - "_value".length()) : k;
  }

  /** URL key literals converted to column values (text stays text, numbers become numbers). */
  private Map<String, JsonNode> keyLiterals(Table table, EntityRef ref) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    ref.key().forEach((k, literal) -> {
      String col = lookupKeyColumn(k);
      Column column = ColumnIndex.of(table).column(col).orElseThrow(() -> DataverseError.noSuchProperty(k, table.name()));
      JsonNode v = switch (column.type()) {
        case INT, BIGINT, CHOICE, STATE, STATUS -> {
          try {
            yield IntNode.valueOf(Integer.parseInt(literal));
          } catch (NumberFormatException e) {
            throw ColumnValues.wrongType(TextNode.valueOf(literal), "Edm.Int32");
          }
        }
        case DECIMAL, DOUBLE, MONEY -> {
          try {
            yield com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal(literal));
          } catch (NumberFormatException e) {
            throw ColumnValues.wrongType(TextNode.valueOf(literal), "Edm.Decimal");
          }
        }
        default -> TextNode.valueOf(literal);
      };
      out.put(col, v);
    });
    return out;
  }

  // ---------------------------------------------------------------- checks shared by create and update

  private Column column(Table table, String name) {
    Optional<Column> column = ColumnIndex.of(table).column(name);
    if (column.isEmpty()) throw DataverseError.invalidProperty(name, table.name());
    return column.get();
  }

  private void bind(Store.Tx tx, Table table, String nav, JsonNode value, Map<String, JsonNode> values,
                    Map<String, String> lookups, Context ctx) {
    Catalog.Binding binding = store.catalog().navigation(table, nav).orElseThrow(() -> DataverseError.badRequest(
        DataverseError.ODATA, "An undeclared property '" + nav + "' which only has property annotations in the payload "
            + "but no property value was found in the payload. In OData, only declared navigation properties and "
            + "declared named streams can be represented as properties without values."));
    String column = binding.column().name();
    if (value == null || value.isNull()) {
      values.put(column, NullNode.getInstance());
      lookups.remove(column);
      return;
    }
    if (!value.isTextual()) throw ColumnValues.wrongType(value, "Edm.String");
    String uri = value.asText();
    if (uri.startsWith("$")) {
      String resolved = ctx.contentIds().get(uri.substring(1));
      if (resolved == null) {
        throw DataverseError.badRequest(DataverseError.ODATA, "Content-ID Reference: '" + uri + "' does not exist in the batch context.");
      }
      uri = resolved;
    }
    EntityRef ref = EntityRef.parseUri(uri);
    Table target = store.catalog().byEntitySet(ref.name()).orElseThrow(() -> DataverseError.segment(ref.name()));
    if (!binding.targets().contains(target.name())) {
      throw DataverseError.badRequest(DataverseError.ODATA, "The navigation property '" + nav + "' of '" + table.name()
          + "' cannot point at a row of '" + target.name() + "'; it accepts " + String.join(", ", binding.targets()) + ".");
    }
    if (!ref.hasParens()) throw DataverseError.segment(ref.name());
    Row targetRow = find(target, ref);
    if (column.equals("ownerid") && targetRow.get("isdisabled") != null && targetRow.get("isdisabled").asBoolean()) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The user " + targetRow.id()
          + " is disabled and cannot own records; assign the record to an enabled user or a team.");
    }
    values.put(column, TextNode.valueOf(targetRow.id().toString()));
    lookups.put(column, target.name());
  }

  private void deepInsert(Store.Tx tx, Table table, String nav, ObjectNode body, Map<String, JsonNode> values,
                          Map<String, String> lookups, Context ctx) {
    Catalog.Binding binding = store.catalog().navigation(table, nav)
        .orElseThrow(() -> DataverseError.invalidProperty(nav, table.name()));
    if (binding.targets().size() != 1) throw DataverseError.invalidProperty(nav, table.name());
    Table target = store.catalog().require(binding.targets().get(0));
    Row child = create(tx, target, body, ctx);
    values.put(binding.column().name(), TextNode.valueOf(child.id().toString()));
    lookups.put(binding.column().name(), target.name());
  }

  private static Optional<Column> stateColumn(Table table) {
    return ColumnIndex.of(table).stateColumn();
  }

  private static Optional<Column> statusColumn(Table table) {
    return ColumnIndex.of(table).statusColumn();
  }

  /** The first status reason that belongs to the row's state. */
  private static Optional<Integer> defaultStatus(Table table, Map<String, JsonNode> values) {
    Optional<Column> status = statusColumn(table);
    if (status.isEmpty()) return Optional.empty();
    JsonNode state = values.get("statecode");
    String group = state == null || state.isNull() ? null : state.asText();
    for (OptionValue o : status.get().options()) {
      if (group == null || o.group() == null || o.group().equals(group)) return Optional.ofNullable(o.value());
    }
    return Optional.empty();
  }

  private static void checkStatus(Table table, Map<String, JsonNode> values) {
    Optional<Column> status = statusColumn(table);
    JsonNode state = values.get("statecode");
    JsonNode s = status.map(c -> values.get(c.name())).orElse(null);
    if (status.isEmpty() || state == null || state.isNull() || s == null || s.isNull()) return;
    Optional<OptionValue> option = status.get().optionByValue(s.asInt());
    if (option.isPresent() && option.get().group() != null && !option.get().group().equals(state.asText())) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, s.asInt() + " is not a valid status code for state code "
          + table.name() + "State." + state.asText() + " on " + table.name() + ".");
    }
  }

  /**
   * Refuses a parent that has the row among its ancestors (or is the row). Only an update can close
   * a loop: on create the row does not exist yet, so no bind can name it.
   */
  private void checkHierarchy(Table table, UUID id, Map<String, JsonNode> values) {
    String parentColumn = HIERARCHIES.get(table.name());
    if (parentColumn == null || !store.refuseHierarchyLoops) return;
    Set<UUID> seen = new java.util.HashSet<>();
    for (UUID up = lookupId(values.get(parentColumn)); up != null; ) {
      if (up.equals(id)) {
        throw DataverseError.badRequest(DataverseError.ACCOUNT_LOOP,
            "Creating this parental association would create a loop in Accounts hierarchy.");
      }
      if (!seen.add(up)) return; // a loop above the new parent that does not pass through this row
      up = store.get(table.name(), up).map(r -> lookupId(r.get(parentColumn))).orElse(null);
    }
  }

  private static UUID lookupId(JsonNode value) {
    return value == null || value.isNull() ? null : UUID.fromString(value.asText());
  }

  private void checkKeys(Table table, Row row) {
    for (AlternateKey key : store.catalog().activeKeys(table.name())) {
      Optional<List<String>> v = Store.keyValues(key, row);
      if (v.isEmpty()) continue;
      Optional<UUID> other = store.rows(table.name()).byKey(key, v.get());
      if (other.isPresent() && !other.get().equals(row.id())) {
        throw new DataverseError(412, DataverseError.DUPLICATE_KEY, "Entity Key " + key.name()
            + " violated. A record with the same value for " + String.join(",", key.columns())
            + " already exists. A duplicate record cannot be created. Try removing the duplicate record and try again.");
      }
    }
  }

  /** Notes carry files as Base64 text, limited by the org's maxuploadfilesize on the encoded size. */
  private void annotationBody(Table table, Map<String, JsonNode> values) {
    if (!table.name().equals("annotation")) return;
    JsonNode body = values.get("documentbody");
    if (body == null || body.isNull()) return;
    long max = maxUploadFileSize();
    String text = body.asText();
    if (text.length() > max) {
      throw DataverseError.badRequest(DataverseError.FILE_TOO_BIG, "Attachment file size is too big.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw DataverseError.badRequest(DataverseError.ODATA, "The value of 'documentbody' is not valid Base64.");
    }
    values.put("filesize", IntNode.valueOf(bytes.length));
    values.put("isdocument", BooleanNode.TRUE);
  }

  long maxUploadFileSize() {
    for (Row org : store.all("organization")) {
      JsonNode v = org.get("maxuploadfilesize");
      if (v != null && v.isNumber()) return v.asLong();
    }
    return Long.parseLong(store.catalog().settings().getOrDefault("maxuploadfilesize", "5242880"));
  }
}
