package io.fmap.runtime.cutover;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRouter;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.cutover.ReconcileReport.ColumnChecksum;
import io.fmap.runtime.cutover.ReconcileReport.Kind;
import io.fmap.runtime.cutover.ReconcileReport.Mismatch;
import io.fmap.runtime.cutover.ReconcileReport.TableCheck;
import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.exec.Owners;
import io.fmap.runtime.exec.ParentLoops;
import io.fmap.runtime.exec.SourceLookups;
import io.fmap.runtime.ledger.ContentHash;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.ColumnType;
import io.fmap.schema.Ownership;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares source, plan, ledger and target ({@code fmap reconcile}). The source is mapped again with
 * the plan ({@link ColumnsOnlyContext} resolves lookups through the ledger and owners as the load
 * does, so records route as they did), the ledger says which target row stands for each record, and
 * the target is read back. Presence is checked for every record; column values, lookups (the row's
 * {@code _x_value} against the id the ledger has for the referenced record) and the owner (against the
 * user or team the owner rule gives) for all of them with {@code full}, else for a deterministic sample.
 */
public final class Reconcile {
  /** Mismatches listed per table; the count covers all of them. */
  public static final int MISMATCHES_LISTED = 100;

  /**
   * Columns a write sets but a read answers elsewhere. Dataverse keeps a written
   * {@code overriddencreatedon} as the row's {@code createdon} and answers {@code overriddencreatedon}
   * with the time of the migration itself, so the source's creation date is checked against {@code createdon}.
   */
  private static final Map<String, String> READ_AS = Map.of("overriddencreatedon", "createdon");

  private final CompiledPlan plan;
  private final SourceConnector source;
  private final TargetConnector target;
  private final SystemSchema targetSchema;
  private final Ledger ledger;
  private final Owners owners;
  private final Clock clock;

  /** @param owners the load's owner resolution (the project's owner rule over the target's users) */
  public Reconcile(CompiledPlan plan, SourceConnector source, TargetConnector target, SystemSchema targetSchema,
      Ledger ledger, Owners owners, Clock clock) {
    this.plan = plan;
    this.owners = owners;
    this.source = source;
    this.target = target;
    this.targetSchema = targetSchema;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * @param full       compare the columns of every record
   * @param sampleRate otherwise compare one record in this many (by a hash of its id, so the same ones each time)
   */
  public ReconcileReport run(boolean full, int sampleRate) throws IOException {
    return reconcile(full, sampleRate, null);
  }

  /**
   * Reconciles only what one run wrote ({@code fmap reconcile --run ID}): the records, objects and tables
   * of its ledger entries (written, refused or in doubt; not those it skipped unchanged). Counts are of
   * those records; the target count stays the whole table's.
   *
   * @throws io.fmap.runtime.ledger.LedgerException when the ledger has no such run
   */
  public ReconcileReport runOf(long runId, boolean full, int sampleRate) throws IOException {
    return reconcile(full, sampleRate, RunScope.read(ledger, runId));
  }

  private ReconcileReport reconcile(boolean full, int sampleRate, RunScope scope) throws IOException {
    if (sampleRate < 1) throw new IllegalArgumentException("sample rate must be at least 1, got " + sampleRate);
    List<TableCheck> checks = new ArrayList<>();
    SourceLookups sources = new SourceLookups(source);
    for (SourceRouter router : plan.routers()) {
      String object = router.sourceObject();
      List<String> tables = Lookups.tablesOf(plan, object).stream()
          .filter(t -> scope == null || scope.touched(object, t)).toList();
      if (tables.isEmpty()) continue;
      Expected expected = expected(router, full ? 1 : sampleRate, sources, scope);
      for (String table : tables) checks.add(check(object, table, expected, scope));
    }
    return new ReconcileReport(full, scope == null ? null : scope.runId(), checks);
  }

  /**
   * What one run wrote: per source object and target table, the source ids of its entries. Entries of
   * fmap's later passes ({@code contact~lookups}) count for their object: the run touched that row too.
   */
  record RunScope(long runId, Map<String, Map<String, Set<String>>> ids) {
    private static final int PAGE = 1000;

    static RunScope read(Ledger ledger, long runId) {
      if (ledger.run(runId).isEmpty()) {
        throw new io.fmap.runtime.ledger.LedgerException("the ledger " + ledger.location().redacted() + " has no run "
            + runId + "; `fmap report` lists the runs it has");
      }
      Map<String, Map<String, Set<String>>> ids = new HashMap<>();
      long after = 0;
      for (int page = 0; page < Integer.MAX_VALUE; page++) {
        List<LedgerEntry> entries = ledger.history().attemptedBy(runId, after, PAGE);
        for (LedgerEntry e : entries) {
          String object = e.key().sourceObject();
          int pass = object.indexOf('~');
          ids.computeIfAbsent(pass < 0 ? object : object.substring(0, pass), o -> new HashMap<>())
              .computeIfAbsent(e.key().targetTable(), t -> new HashSet<>()).add(e.key().sourceId());
        }
        if (entries.size() < PAGE) break;
        after = entries.get(entries.size() - 1).seq();
      }
      return new RunScope(runId, ids);
    }

    boolean touched(String object, String table) {
      return !ids(object, table).isEmpty();
    }

    boolean covers(String object, String sourceId) {
      return ids.getOrDefault(object, Map.of()).values().stream().anyMatch(s -> s.contains(sourceId));
    }

    Set<String> ids(String object, String table) {
      return ids.getOrDefault(object, Map.of()).getOrDefault(table, Set.of());
    }
  }

  /** The source read once per object: its count, and per table the ids mapped there and the sampled rows' columns. */
  private record Expected(long sourceCount, Map<String, Set<String>> ids, Map<String, Map<String, Map<String, Object>>> rows) {}

  private Expected expected(SourceRouter router, int rate, SourceLookups sources, RunScope scope) {
    ColumnsOnlyContext context = new ColumnsOnlyContext(plan.params(), clock, sources, ledger, owners);
    Map<String, Set<String>> ids = new TreeMap<>();
    Map<String, Map<String, Map<String, Object>>> rows = new TreeMap<>();
    long[] count = {0};
    try (Stream<SourceRecord> records = source.records(router.sourceObject(), null, bad -> { })) {
      records.forEach(record -> {
        if (scope != null && !scope.covers(router.sourceObject(), record.id())) return;
        count[0]++;
        for (MapResult result : plan.transform(record, context)) {
          if (!(result instanceof MapResult.Mapped mapped)) continue; // quarantined by a load, never expected
          for (TargetRow row : mapped.rows()) {
            ids.computeIfAbsent(row.table(), t -> new TreeSet<>()).add(record.id());
            if (Math.floorMod(record.id().hashCode(), rate) == 0) {
              rows.computeIfAbsent(row.table(), t -> new TreeMap<>()).put(record.id(), compared(row));
            }
          }
        }
      });
    }
    return new Expected(count[0], ids, rows);
  }

  /**
   * What is compared of a mapped row: its plain columns, its lookups and its owner as the ids they resolve
   * to (a lookup or owner known only by a key, not by id, is not compared). A row of an owned table whose map
   * gives no owner gets the fallback owner, as the load gives it.
   */
  private Map<String, Object> compared(TargetRow row) {
    Map<String, Object> out = new TreeMap<>(row.columns());
    Set<String> deferred = plan.deferredColumns(row.map());
    // A parent link the load left out to break a loop stays empty (ParentLoops): that is what the target holds.
    boolean loopBroken = row.lookups().keySet().stream().anyMatch(deferred::contains) && ParentLoops.leftOutLast(
        ledger, runsNewestFirst(), new RecordKey(row.source().object(), row.source().id(), row.table()));
    row.lookups().forEach((column, ref) -> {
      if (ref == null || loopBroken && deferred.contains(column)) out.put(column, null);
      else if (ref.key() instanceof TargetKey.ById byId) out.put(column, byId.id().toString());
    });
    TargetRef owner = row.owner();
    Table table = Lookups.table(targetSchema, row.table());
    if (owner == null && table.ownership() == Ownership.USER) owner = owners.byEmail(null).orElse(null);
    if (owner != null && owner.key() instanceof TargetKey.ById byId) {
      table.columns().stream().filter(c -> c.type() == ColumnType.OWNER).findFirst()
          .ifPresent(c -> out.put(c.name(), byId.id().toString()));
    }
    return out;
  }

  private TableCheck check(String object, String tableName, Expected expected, RunScope scope) throws IOException {
    Set<String> ids = expected.ids().getOrDefault(tableName, Set.of());
    Map<String, Map<String, Object>> rows = expected.rows().getOrDefault(tableName, Map.of());
    Map<String, String> standing = Lookups.standing(ledger, object, tableName);
    if (scope != null) {
      Set<String> written = scope.ids(object, tableName);
      ids = ids.stream().filter(written::contains).collect(Collectors.toCollection(TreeSet::new));
      rows = new TreeMap<>(rows);
      rows.keySet().retainAll(written);
      standing.keySet().retainAll(written);
    }
    Table table = Lookups.table(targetSchema, tableName);
    Set<String> columns = new TreeSet<>();
    rows.values().forEach(r -> columns.addAll(r.keySet()));
    List<String> select = new ArrayList<>(columns.stream().map(c -> readAs(table, c)).distinct().toList());
    select.add(0, table.primaryIdColumn());
    Map<String, Map<String, Object>> found = new HashMap<>();
    target.read(tableName, select, null, row -> found.put(String.valueOf(row.get(table.primaryIdColumn())), row));

    List<Mismatch> mismatches = new ArrayList<>();
    for (String id : ids) {
      String targetId = standing.get(id);
      if (targetId == null) mismatches.add(new Mismatch(Kind.NOT_LOADED, id, null, null, null, null));
      else if (!found.containsKey(targetId)) mismatches.add(new Mismatch(Kind.MISSING_IN_TARGET, id, targetId, null, null, null));
    }
    for (Map.Entry<String, String> s : standing.entrySet()) {
      if (!ids.contains(s.getKey())) mismatches.add(new Mismatch(Kind.NOT_IN_SOURCE, s.getKey(), s.getValue(), null, null, null));
    }
    Map<String, List<String>> expectedValues = new TreeMap<>();
    Map<String, List<String>> actualValues = new TreeMap<>();
    long compared = 0;
    for (Map.Entry<String, Map<String, Object>> e : rows.entrySet()) {
      String targetId = standing.get(e.getKey());
      Map<String, Object> row = targetId == null ? null : found.get(targetId);
      if (row == null) continue; // already listed as not loaded or missing
      compared++;
      for (String column : columns) {
        String want = normal(e.getValue().get(column));
        String have = normal(row.get(readAs(table, column)));
        expectedValues.computeIfAbsent(column, c -> new ArrayList<>()).add(e.getKey() + "=" + want);
        actualValues.computeIfAbsent(column, c -> new ArrayList<>()).add(e.getKey() + "=" + have);
        if (!want.equals(have)) mismatches.add(new Mismatch(Kind.VALUE, e.getKey(), targetId, column, want, have));
      }
    }
    List<ColumnChecksum> checksums = new ArrayList<>();
    for (String column : columns) {
      checksums.add(new ColumnChecksum(column, checksum(expectedValues.get(column)), checksum(actualValues.get(column))));
    }
    mismatches.sort(java.util.Comparator.comparing(Mismatch::sourceId).thenComparing(Mismatch::kind)
        .thenComparing(m -> String.valueOf(m.column())));
    return new TableCheck(object, tableName, expected.sourceCount(), ids.size(), standing.size(), target.count(tableName),
        compared, checksums, mismatches.subList(0, Math.min(MISMATCHES_LISTED, mismatches.size())), mismatches.size());
  }

  private List<Long> runIds;

  /** The ledger's runs, newest first, read once. */
  private List<Long> runsNewestFirst() {
    if (runIds == null) {
      List<Long> ids = new ArrayList<>(ledger.runs().stream().map(Run::id).toList());
      java.util.Collections.reverse(ids);
      runIds = ids;
    }
    return runIds;
  }

  /** The property a column is read back as: a lookup or owner as its {@code _x_value} (the row's id). */
  private static String readAs(Table table, String column) {
    boolean reference = table.column(column).map(c -> !c.targets().isEmpty() || c.type() == ColumnType.OWNER)
        .orElse(false);
    return reference ? "_" + column + "_value" : READ_AS.getOrDefault(column, column);
  }

  /** Values as comparable text: numbers without trailing zeros, option lists comma-joined, dates ISO. */
  static String normal(Object value) {
    if (value == null) return "null";
    if (value instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    if (value instanceof List<?> list) return list.stream().map(Reconcile::normal).collect(Collectors.joining(","));
    return value.toString();
  }

  private static String checksum(List<String> values) {
    List<String> sorted = values == null ? List.of() : values.stream().sorted().toList();
    return ContentHash.of(Map.of("values", sorted));
  }
}
