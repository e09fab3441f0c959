package io.fmap.emulator.dataverse;

import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.Ownership;
import io.fmap.schema.Relationship;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The org's metadata: tables, columns, alternate keys (with their index status), N:N
 * relationships and org settings. Seeded from a schema snapshot and changed through the metadata
 * API. Not thread-safe on its own: {@link Store} guards it with its lock.
 */
final class Catalog {
  /** Status of an alternate key's index; a key is usable only when ACTIVE. */
  enum KeyStatus { Pending, Active, Failed }

  record KeyState(AlternateKey key, KeyStatus status, long activateAtMillis) {}

  /** Which bulk messages a table answers; Dataverse lists them as sdkmessagefilter rows. */
  static final List<String> BULK_MESSAGES = List.of("CreateMultiple", "UpdateMultiple", "UpsertMultiple");

  private final Map<String, Table> tables = new TreeMap<>();
  private final Map<String, Map<String, KeyState>> keys = new TreeMap<>();
  private final Map<String, Relationship> manyToMany = new TreeMap<>();
  /** 1:N relationships created through the API: schema name → [referencing table, lookup column]. */
  private final Map<String, List<String>> oneToMany = new TreeMap<>();
  private final Map<String, Set<String>> bulkSupport = new TreeMap<>();
  private final Map<String, String> settings = new TreeMap<>();
  private long metadataVersion = 1;
  /** Entity set name → table, kept with {@link #tables}: every request resolves its collection by it. */
  private final Map<String, Table> byEntitySet = new java.util.HashMap<>();
  /** Active keys per table, valid for {@link #activeKeysVersion}: every written row checks them. */
  private final Map<String, List<AlternateKey>> activeKeys = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long activeKeysVersion = -1;

  Catalog(SystemSchema schema, Map<String, Set<String>> standardBulkSupport) {
    for (Table t : schema.tables()) put(t);
    for (Relationship r : schema.relationships()) manyToMany.put(r.name(), r);
    settings.putAll(schema.settings());
    settings.putIfAbsent("maxuploadfilesize", "5242880");
    for (Table t : schema.tables()) {
      for (AlternateKey k : t.keys()) keyMap(t.name()).put(k.name(), new KeyState(k, KeyStatus.Active, 0));
      bulkSupport.put(t.name(), t.custom() ? Set.copyOf(BULK_MESSAGES) : standardBulkSupport.getOrDefault(t.name(), Set.of()));
    }
    for (Table t : SystemTables.all()) {
      if (!tables.containsKey(t.name())) put(t);
    }
  }

  Optional<Table> table(String name) { return Optional.ofNullable(tables.get(name)); }

  Optional<Table> byEntitySet(String set) {
    return Optional.ofNullable(byEntitySet.get(set));
  }

  /** Every change to {@link #tables} goes through here or {@link #removeTable}, so the entity-set map follows it. */
  private void put(Table t) {
    tables.put(t.name(), t);
    indexEntitySets();
  }

  /** Metadata changes are rare, so the entity-set map is simply rebuilt (first table by name wins, as before). */
  private void indexEntitySets() {
    byEntitySet.clear();
    for (Table each : tables.values()) if (each.entitySetName() != null) byEntitySet.putIfAbsent(each.entitySetName(), each);
  }

  Table require(String name) {
    Table t = tables.get(name);
    if (t == null) throw new DataverseError(404, DataverseError.OBJECT_DOES_NOT_EXIST,
        "Could not find entity with logical name '" + name + "'.");
    return t;
  }

  List<Table> tables() { return List.copyOf(tables.values()); }

  List<Relationship> manyToMany() { return List.copyOf(manyToMany.values()); }

  Map<String, String> settings() { return settings; }

  long metadataVersion() { return metadataVersion; }

  boolean supportsBulk(String table, String message) {
    return bulkSupport.getOrDefault(table, Set.of()).contains(message);
  }

  Map<String, Set<String>> bulkSupport() { return bulkSupport; }

  // ---- keys

  private Map<String, KeyState> keyMap(String table) { return keys.computeIfAbsent(table, t -> new TreeMap<>()); }

  List<KeyState> keys(String table) { return List.copyOf(keyMap(table).values()); }

  List<AlternateKey> activeKeys(String table) {
    if (activeKeysVersion != metadataVersion) {
      activeKeys.clear();
      activeKeysVersion = metadataVersion;
    }
    return activeKeys.computeIfAbsent(table, t -> keyMap(t).values().stream()
        .filter(k -> k.status() == KeyStatus.Active).map(KeyState::key).toList());
  }

  /** True when some alternate key is still Pending and its activation time has come. */
  boolean pendingKeyDue(long nowMillis) {
    PendingKeys cached = pendingKeys;
    if (cached.version() != metadataVersion) {
      // Every request asks (once per $batch part): the keys of every table are walked only after a metadata change.
      long earliest = Long.MAX_VALUE;
      for (Map<String, KeyState> tableKeys : keys.values()) {
        for (KeyState k : tableKeys.values()) {
          if (k.status() == KeyStatus.Pending) earliest = Math.min(earliest, k.activateAtMillis());
        }
      }
      cached = new PendingKeys(metadataVersion, earliest);
      pendingKeys = cached;
    }
    return cached.earliestActivation() <= nowMillis;
  }

  /** The earliest activation time of a Pending key (Long.MAX_VALUE: none), as of one metadata version. */
  private record PendingKeys(long version, long earliestActivation) {}

  private volatile PendingKeys pendingKeys = new PendingKeys(-1, Long.MAX_VALUE);

  void putKey(String table, KeyState state) {
    keyMap(table).put(state.key().name(), state);
    Table t = require(table);
    List<AlternateKey> all = new ArrayList<>(t.keys().stream().filter(k -> !k.name().equals(state.key().name())).toList());
    all.add(state.key());
    put(withKeys(t, all));
    metadataVersion++;
  }

  // ---- schema changes

  void putTable(Table table) {
    put(table);
    bulkSupport.putIfAbsent(table.name(), table.custom() ? Set.copyOf(BULK_MESSAGES) : Set.of());
    metadataVersion++;
  }

  void addColumn(String table, Column column) {
    Table t = require(table);
    List<Column> columns = new ArrayList<>(t.columns());
    columns.add(column);
    put(new Table(t.name(), t.displayName(), t.entitySetName(), t.primaryIdColumn(),
        t.primaryNameColumn(), t.ownership(), t.activity(), t.custom(), columns, t.keys()));
    metadataVersion++;
  }

  void replaceColumn(String table, Column column) {
    Table t = require(table);
    List<Column> columns = new ArrayList<>();
    for (Column c : t.columns()) columns.add(c.name().equals(column.name()) ? column : c);
    put(new Table(t.name(), t.displayName(), t.entitySetName(), t.primaryIdColumn(),
        t.primaryNameColumn(), t.ownership(), t.activity(), t.custom(), columns, t.keys()));
    metadataVersion++;
  }

  // ---- notes

  /**
   * Whether notes can be attached to a table (its {@code HasNotes}). Dataverse expresses it as the
   * {@code <table>_Annotations} relationship, whose navigation property {@code objectid_<table>} on
   * annotation is the only way to attach a note; the emulator keeps it there and nowhere else.
   */
  boolean hasNotes(String table) {
    return noteRegarding().map(c -> c.targets().stream().anyMatch(t -> t.table().equals(table))).orElse(false);
  }

  /** Turns notes on for a table: annotation gains {@code objectid_<table>}. */
  void enableNotes(String table) {
    Optional<Column> regarding = noteRegarding();
    if (regarding.isEmpty() || hasNotes(table)) return;
    List<LookupTarget> targets = new ArrayList<>(regarding.get().targets());
    targets.add(new LookupTarget(table, "objectid_" + table));
    noteTargets(regarding.get(), targets);
  }

  /** A deleted table's {@code <table>_Annotations} relationship goes with it. */
  private void dropNotes(String table) {
    Optional<Column> regarding = noteRegarding();
    if (regarding.isEmpty() || !hasNotes(table)) return;
    noteTargets(regarding.get(), regarding.get().targets().stream().filter(t -> !t.table().equals(table)).toList());
  }

  private void noteTargets(Column c, List<LookupTarget> targets) {
    replaceColumn("annotation", new Column(c.name(), c.displayName(), c.type(), c.maxLength(), c.precision(),
        c.minValue(), c.maxValue(), c.required(), c.validForCreate(), c.validForUpdate(), c.options(), targets, c.custom()));
  }

  private Optional<Column> noteRegarding() {
    return table("annotation").flatMap(a -> a.column("objectid"));
  }

  void addManyToMany(Relationship r) {
    manyToMany.put(r.name(), r);
    metadataVersion++;
  }

  /**
   * Names a 1:N relationship created through the metadata API by the schema name it was given, so a
   * {@code DELETE RelationshipDefinitions(SchemaName=...)} finds its lookup column again.
   */
  void nameOneToMany(String name, String table, String column) {
    oneToMany.put(name, List.of(table, column));
  }

  /** The table and lookup column of a 1:N relationship created under this schema name. */
  Optional<List<String>> oneToMany(String name) {
    return Optional.ofNullable(oneToMany.get(name));
  }

  void removeTable(String name) {
    dropNotes(name);
    tables.remove(name);
    indexEntitySets();
    keys.remove(name);
    bulkSupport.remove(name);
    metadataVersion++;
  }

  void removeColumn(String table, String column) {
    Table t = require(table);
    List<Column> columns = t.columns().stream().filter(c -> !c.name().equals(column)).toList();
    put(new Table(t.name(), t.displayName(), t.entitySetName(), t.primaryIdColumn(),
        t.primaryNameColumn(), t.ownership(), t.activity(), t.custom(), columns, t.keys()));
    oneToMany.values().removeIf(ref -> ref.equals(List.of(table, column)));
    metadataVersion++;
  }

  void removeKey(String table, String key) {
    keyMap(table).remove(key);
    Table t = require(table);
    put(withKeys(t, t.keys().stream().filter(k -> !k.name().equals(key)).toList()));
    metadataVersion++;
  }

  void removeManyToMany(String name) {
    manyToMany.remove(name);
    metadataVersion++;
  }

  private static Table withKeys(Table t, List<AlternateKey> keys) {
    return new Table(t.name(), t.displayName(), t.entitySetName(), t.primaryIdColumn(), t.primaryNameColumn(),
        t.ownership(), t.activity(), t.custom(), t.columns(), keys);
  }

  // ---- names

  /** A stable MetadataId for a table, column, key or relationship: the same seed gives the same ids. */
  static UUID metadataId(String... parts) {
    return UUID.nameUUIDFromBytes(("fmap-emulator:" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8));
  }

  /** The lookup column and target a single-valued navigation property binds, if the table has it. */
  Optional<Binding> navigation(Table table, String navigationProperty) {
    for (Column c : table.columns()) {
      if (!isLookup(c.type())) continue;
      List<String> targets = new ArrayList<>();
      for (LookupTarget t : c.targets()) if (navigationProperty.equals(t.navigationProperty())) targets.add(t.table());
      if (!targets.isEmpty()) return Optional.of(new Binding(c, targets));
    }
    return Optional.empty();
  }

  /** @param targets tables this navigation property may point at (several for ownerid) */
  record Binding(Column column, List<String> targets) {}

  static boolean isLookup(ColumnType type) {
    return type == ColumnType.LOOKUP || type == ColumnType.CUSTOMER || type == ColumnType.OWNER;
  }

  /** Tables the emulator always has, because the API itself answers from them. */
  static final class SystemTables {
    private SystemTables() {}

    static List<Table> all() {
      return List.of(
          new Table("organization", "Organization", "organizations", "organizationid", "name", Ownership.NONE,
              false, false, List.of(id("organizationid"), text("name", 160), integer("maxuploadfilesize")), List.of()),
          new Table("sdkmessage", "Sdk Message", "sdkmessages", "sdkmessageid", "name", Ownership.NONE, false,
              false, List.of(id("sdkmessageid"), text("name", 256)), List.of()),
          new Table("sdkmessagefilter", "Sdk Message Filter", "sdkmessagefilters", "sdkmessagefilterid", null,
              Ownership.NONE, false, false, List.of(id("sdkmessagefilterid"), text("primaryobjecttypecode", 128),
              new Column("sdkmessageid", "Sdk Message", ColumnType.LOOKUP, null, null, null, null, RequiredLevel.NONE,
                  false, false, List.of(), List.of(new LookupTarget("sdkmessage", "sdkmessageid")), false)),
              List.of()));
    }

    private static Column id(String name) {
      return new Column(name, name, ColumnType.ID, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED, false,
          false, List.of(), List.of(), false);
    }

    private static Column text(String name, int max) {
      return new Column(name, name, ColumnType.TEXT, max, null, null, null, RequiredLevel.NONE, false, false,
          List.of(), List.of(), false);
    }

    private static Column integer(String name) {
      return new Column(name, name, ColumnType.INT, null, null, 0.0, 2147483647.0, RequiredLevel.NONE, false, true,
          List.of(), List.of(), false);
    }
  }
}
