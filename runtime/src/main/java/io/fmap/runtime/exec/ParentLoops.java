package io.fmap.runtime.exec;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerAudit;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The second pass's guard against hierarchy loops. Dataverse refuses a parent link that makes a row
 * its own ancestor ({@code 0x80040507}, "Creating this parental association would create a loop in
 * Accounts hierarchy."), so before the second pass writes any self-referencing lookup, the links it
 * would write are put together with the links the target holds (written by earlier runs, by an
 * interrupted attempt of this run, or by people), and in each loop that would close, one link of
 * this run is left out ({@link ParentGraph}: the row with the smallest source id). The second pass
 * writes the others and records the one left out as {@value #CODE}.
 *
 * <p>Streaming: the objects are read once more and mapped record by record; only two ids and a
 * source id per link are kept, and from the target only the rows that have a parent (their id, key
 * and parent).
 */
public final class ParentLoops {
  /** The ledger's reason code for a link left out. */
  public static final String CODE = "PARENT_CYCLE_BROKEN";

  /** No loops: what the second pass uses when the plan has no self-referencing lookup. */
  static final ParentLoops NONE = new ParentLoops(Map.of());

  /**
   * A link left out: the row whose lookup {@code column} stays as it is, and the loop it would close.
   *
   * @param object the source object ({@code Company}) and {@code loop} its rows' source ids
   */
  record BrokenLink(String object, String column, String loop) {
    String message() {
      return column + " left out: " + object + " " + loop + " is a loop, and Dataverse refuses the link that closes "
          + "it (0x80040507); the loop's other links are written. Correct the parent in Spark or in Dynamics";
    }
  }

  private final Map<RecordKey, BrokenLink> broken;

  private ParentLoops(Map<RecordKey, BrokenLink> broken) {
    this.broken = Map.copyOf(broken);
  }

  /** The link left out of {@code row}'s second-pass update (key: source object, source id, table). */
  Optional<BrokenLink> broken(RecordKey row) {
    return Optional.ofNullable(broken.get(row));
  }

  /**
   * Whether the latest second-pass entry of {@code row} (source object, source id, table) in the
   * ledger left its lookups out to break a parent loop, looking at {@code runIds} newest first: what
   * the target holds for them is then not what the map says (reconcile expects them empty).
   */
  public static boolean leftOutLast(Ledger ledger, List<Long> runIds, RecordKey row) {
    RecordKey lookups = lookupsKey(row);
    for (long runId : runIds) {
      Optional<LedgerEntry> entry = ledger.entry(runId, lookups);
      if (entry.isPresent()) return CODE.equals(entry.get().errorCode());
    }
    return false;
  }

  private static RecordKey lookupsKey(RecordKey row) {
    return new RecordKey(row.sourceObject() + BatchWriter.LOOKUPS_SUFFIX, row.sourceId(), row.targetTable());
  }

  /**
   * The links a run left out, among its failed and quarantined records grouped by code. They are
   * reported, not failures: the row landed, the hierarchy is the one Dataverse allows, preflight named
   * the loop before the run, and every rerun would leave the same link out again, so a run whose only
   * records not landed are these exits 0.
   */
  public static long leftOutLinks(List<LedgerAudit.ErrorGroup> errors) {
    return errors.stream().filter(g -> g.code().equals(CODE)).mapToLong(LedgerAudit.ErrorGroup::count).sum();
  }

  /**
   * Whether run {@code runId} left the second-pass lookups of {@code row} (source object, source id,
   * table) out to break a parent loop: what the target holds for them is then not what the map says.
   */
  public static boolean leftOut(Ledger ledger, long runId, RecordKey row) {
    return leftOutLast(ledger, List.of(runId), row);
  }

  /**
   * Finds the loops the second pass of {@code objects} would close.
   *
   * @param batchSize records mapped before the ledger is asked which of their rows landed
   */
  static ParentLoops find(CompiledPlan plan, SourceConnector source, MappingContext context, Ledger ledger,
      TargetConnector target, SystemSchema targetSchema, Collection<String> objects, int batchSize) throws IOException {
    Map<Lookup, Links> byLookup = new TreeMap<>();
    for (String object : new TreeSet<>(objects)) {
      try (Stream<SourceRecord> records = source.records(object, null, bad -> { })) {
        Iterator<SourceRecord> it = records.iterator();
        while (it.hasNext()) {
          List<Pending> batch = new ArrayList<>();
          for (int n = 0; n < batchSize && it.hasNext(); n++) selfLinks(plan, it.next(), context, batch);
          landed(batch, ledger, byLookup);
        }
      }
    }
    Map<RecordKey, BrokenLink> broken = new HashMap<>();
    for (Map.Entry<Lookup, Links> e : byLookup.entrySet()) {
      Links links = e.getValue();
      readHeld(e.getKey(), links, target, targetSchema);
      ParentGraph graph = links.graph();
      for (ParentGraph.Loop loop : graph.loops()) {
        RecordKey row = links.rowOf.get(loop.leftOut());
        broken.put(row, new BrokenLink(row.sourceObject(), e.getKey().column(), loop.path()));
      }
    }
    return new ParentLoops(broken);
  }

  /** One self-referencing lookup: a table and its lookup column. */
  private record Lookup(String table, String column) implements Comparable<Lookup> {
    @Override
    public int compareTo(Lookup o) {
      int t = table.compareTo(o.table);
      return t != 0 ? t : column.compareTo(o.column);
    }
  }

  /** A link this run may write, before the ledger says whether its row landed. */
  private record Pending(Lookup lookup, RecordKey row, TargetKey childKey, TargetKey parentKey) {}

  /** The links of one lookup: this run's and the target's, with the row ids their keys name. */
  private static final class Links {
    /** A link: the child's row id, its parent's node (an id or a key, see {@link #node}), the child's name. */
    record Link(String child, String parent, String name) {}

    final List<Link> written = new ArrayList<>();
    final List<Link> held = new ArrayList<>();
    final Map<String, RecordKey> rowOf = new HashMap<>();
    final Map<String, String> idOfKey = new HashMap<>();
    List<String> keyColumns = List.of();

    ParentGraph graph() {
      ParentGraph graph = new ParentGraph();
      held.forEach(l -> graph.held(l.child(), l.parent(), l.name()));
      // A parent named by its alternate key is the row the target or this run has under that key; a key
      // neither knows is a row without a parent link, which no loop passes through.
      written.forEach(l -> graph.written(l.child(), idOfKey.getOrDefault(l.parent(), l.parent()), l.name()));
      return graph;
    }
  }

  /** The record's self-referencing second-pass lookups that have a value. */
  private static void selfLinks(CompiledPlan plan, SourceRecord record, MappingContext context, List<Pending> out) {
    for (MapResult result : plan.transform(record, context)) {
      if (!(result instanceof MapResult.Mapped mapped)) return; // quarantined in the first pass
      for (TargetRow row : mapped.rows()) {
        for (String column : plan.deferredColumns(row.map())) {
          TargetRef parent = row.lookups().get(column);
          if (parent == null || !parent.table().equals(row.table())) continue;
          out.add(new Pending(new Lookup(row.table(), column), new RecordKey(record.object(), record.id(), row.table()),
              row.key(), parent.key()));
        }
      }
    }
  }

  /** Keeps the links whose row's first pass stands: the second pass writes only those. */
  private static void landed(List<Pending> batch, Ledger ledger, Map<Lookup, Links> byLookup) {
    if (batch.isEmpty()) return;
    Map<RecordKey, LedgerEntry> landed = ledger.history().lastLanded(batch.stream().map(Pending::row).toList());
    for (Pending p : batch) {
      LedgerEntry entry = landed.get(p.row());
      if (entry == null || entry.targetId() == null) continue;
      Links links = byLookup.computeIfAbsent(p.lookup(), l -> new Links());
      String id = entry.targetId().toLowerCase(Locale.ROOT);
      if (p.childKey() instanceof TargetKey.ByAlternateKey k) {
        links.keyColumns = List.copyOf(k.values().keySet());
        links.idOfKey.put(node(p.childKey()), id);
      }
      links.rowOf.put(id, p.row());
      links.written.add(new Links.Link(id, node(p.parentKey()), p.row().sourceId()));
    }
  }

  /**
   * The rows of the lookup's table that have a parent now: id, alternate key (the columns this run's
   * rows are keyed by) and parent, one paged read filtered on the parent.
   */
  private static void readHeld(Lookup lookup, Links links, TargetConnector target, SystemSchema schema)
      throws IOException {
    String idColumn = schema.table(lookup.table()).orElseThrow(() -> new IllegalArgumentException(
        "table " + lookup.table() + " is not in the target schema")).primaryIdColumn();
    String parentColumn = "_" + lookup.column() + "_value";
    List<String> columns = new ArrayList<>(List.of(idColumn, parentColumn));
    columns.addAll(links.keyColumns);
    target.read(lookup.table(), columns, parentColumn + " ne null", row -> {
      Object id = row.get(idColumn);
      Object parent = row.get(parentColumn);
      if (id == null || parent == null) return;
      String child = id.toString().toLowerCase(Locale.ROOT);
      String name = child;
      if (!links.keyColumns.isEmpty() && links.keyColumns.stream().allMatch(c -> row.get(c) != null)) {
        Map<String, Object> key = new TreeMap<>();
        links.keyColumns.forEach(c -> key.put(c, row.get(c)));
        links.idOfKey.putIfAbsent(node(TargetKey.alternate(key)), child);
        name = String.join(",", key.values().stream().map(String::valueOf).toList());
      }
      links.held.add(new Links.Link(child, parent.toString().toLowerCase(Locale.ROOT), name));
    });
  }

  /** A row as a node: its id, or its alternate key's values (which name one row of the table). */
  private static String node(TargetKey key) {
    if (key instanceof TargetKey.ById id) return id.id().toString().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder("key:");
    ((TargetKey.ByAlternateKey) key).values().forEach((c, v) -> out.append(c).append('=').append(v).append(';'));
    return out.toString();
  }
}
