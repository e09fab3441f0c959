package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fmap.emulator.generate.SampleUsers;
import io.fmap.schema.Column;
import io.fmap.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows every fresh org has: the organization, a root business unit, the sample roster's
 * {@code @fmap.example} users ({@link SampleUsers#inDynamics()}: one disabled, one email shared by
 * two), an owner team, an application user per client id, and the sdkmessagefilter rows that say which tables answer the bulk messages. Ids are
 * derived from names, so the same seed gives the same ids on every start.
 */
final class Seed {
  private Seed() {}

  static UUID id(String... parts) {
    return UUID.nameUUIDFromBytes(("fmap-emulator-seed:" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8));
  }

  static UUID appUser(String clientId) { return id("appuser", clientId); }

  static SeededOrg org(List<ObjectNode> users) {
    List<UUID> ids = new ArrayList<>();
    UUID disabled = null;
    for (ObjectNode u : users) {
      UUID uid = UUID.fromString(u.get("systemuserid").asText());
      ids.add(uid);
      if (u.path("isdisabled").asBoolean(false) && disabled == null) disabled = uid;
    }
    return new SeededOrg(id("organization"), id("businessunit"), id("team"), List.copyOf(ids), disabled);
  }

  /** The seeded users as systemuser bodies: the defaults, or those from {@code --seed-users}. */
  static List<ObjectNode> users(List<ObjectNode> fromFile) {
    List<ObjectNode> out = new ArrayList<>();
    if (fromFile != null && !fromFile.isEmpty()) {
      for (ObjectNode u : fromFile) {
        ObjectNode copy = u.deepCopy();
        String email = copy.path("internalemailaddress").asText(copy.path("domainname").asText(""));
        if (!copy.hasNonNull("domainname")) copy.put("domainname", email);
        if (!copy.hasNonNull("internalemailaddress")) copy.put("internalemailaddress", email);
        if (!copy.hasNonNull("systemuserid")) copy.put("systemuserid", id("user", email.toLowerCase(java.util.Locale.ROOT)).toString());
        out.add(copy);
      }
      return out;
    }
    // The default users are the Dynamics side of the sample data's owner roster, so that generated
    // Spark data resolves against a fresh emulator the way it would against a real tenant: most
    // owners match, one email is shared by two enabled users, one user is disabled, some are absent.
    for (SampleUsers.SampleUser u : SampleUsers.inDynamics()) {
      String email = u.email();
      int space = u.name().lastIndexOf(' ');
      ObjectNode o = Json.object();
      o.put("systemuserid", id("user", email, u.id()).toString());
      o.put("firstname", space < 0 ? "" : u.name().substring(0, space));
      o.put("lastname", space < 0 ? u.name() : u.name().substring(space + 1));
      o.put("domainname", email);
      o.put("internalemailaddress", email);
      o.put("isdisabled", !u.enabledInDynamics());
      out.add(o);
    }
    return out;
  }

  static void apply(Store store, SeededOrg org, List<ObjectNode> users, Iterable<String> clientIds) {
    store.writeVoid(tx -> {
      Catalog c = store.catalog();
      Map<String, Object> orgRow = new HashMap<>();
      orgRow.put("name", "fmap emulator");
      orgRow.put("maxuploadfilesize", Integer.parseInt(c.settings().getOrDefault("maxuploadfilesize", "5242880")));
      put(tx, store, "organization", org.organizationId(), orgRow, Map.of());
      put(tx, store, "businessunit", org.businessUnitId(), Map.of("name", "fmap-demo"), Map.of());
      Map<String, UUID> bu = Map.of("businessunitid", org.businessUnitId());
      for (ObjectNode u : users) {
        Map<String, Object> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = u.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (!f.getKey().equals("systemuserid")) values.put(f.getKey(), f.getValue());
        }
        values.put("fullname", (u.path("firstname").asText("") + " " + u.path("lastname").asText("")).trim());
        put(tx, store, "systemuser", UUID.fromString(u.get("systemuserid").asText()), values, bu);
      }
      for (String client : clientIds) {
        Map<String, Object> values = new HashMap<>();
        values.put("firstname", "#");
        values.put("lastname", client);
        values.put("fullname", "# " + client);
        values.put("domainname", client + "@app.fmap.example");
        values.put("applicationid", id("application", client).toString());
        values.put("isdisabled", false);
        put(tx, store, "systemuser", appUser(client), values, bu);
      }
      Map<String, Object> team = new HashMap<>();
      team.put("name", "fmap-demo");
      team.put("teamtype", 0);
      Map<String, UUID> teamLookups = new HashMap<>(bu);
      if (!org.userIds().isEmpty()) teamLookups.put("administratorid", org.userIds().get(0));
      put(tx, store, "team", org.teamId(), team, teamLookups);
      messageFilters(tx, store);
    });
  }

  /** sdkmessage and sdkmessagefilter rows for every table that answers a bulk message; idempotent. */
  static void messageFilters(Store.Tx tx, Store store) {
    Catalog c = store.catalog();
    for (String message : Catalog.BULK_MESSAGES) {
      UUID messageId = id("sdkmessage", message);
      put(tx, store, "sdkmessage", messageId, Map.of("name", message), Map.of());
      for (Table t : c.tables()) {
        if (!c.supportsBulk(t.name(), message)) continue;
        put(tx, store, "sdkmessagefilter", id("sdkmessagefilter", message, t.name()), Map.of("primaryobjecttypecode", t.name()),
            Map.of("sdkmessageid", messageId));
      }
    }
  }

  /**
   * Writes a seed row directly, skipping columns the table does not have (a user's own snapshot
   * may be smaller) and the create-time rules that seed data is exempt from (isdisabled, fullname).
   */
  private static void put(Store.Tx tx, Store store, String tableName, UUID id, Map<String, Object> values, Map<String, UUID> lookups) {
    Optional<Table> table = store.catalog().table(tableName);
    if (table.isEmpty()) return;
    Table t = table.get();
    Map<String, JsonNode> stored = new HashMap<>();
    Map<String, String> targets = new HashMap<>();
    values.forEach((k, v) -> {
      Optional<Column> col = t.column(k);
      if (col.isEmpty() || Catalog.isLookup(col.get().type())) return;
      JsonNode node = v instanceof JsonNode j ? j : v instanceof Boolean b ? BooleanNode.valueOf(b)
          : v instanceof Integer i ? IntNode.valueOf(i) : TextNode.valueOf(String.valueOf(v));
      stored.put(k, ColumnValues.convert(t, col.get(), node));
    });
    lookups.forEach((k, target) -> {
      Optional<Column> col = t.column(k);
      if (col.isEmpty() || col.get().targets().isEmpty()) return;
      stored.put(k, TextNode.valueOf(target.toString()));
      targets.put(k, col.get().targets().get(0).table());
    });
    if (t.columns().stream().anyMatch(c -> c.name().equals("statecode"))) stored.putIfAbsent("statecode", IntNode.valueOf(0));
    tx.put(new Row(tableName, id, store.nextVersion(), stored, targets));
  }
}
