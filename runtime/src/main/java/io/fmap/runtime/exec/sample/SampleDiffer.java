package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.exec.ParentLoops;
import io.fmap.runtime.exec.SourceLookups;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Compares what a sample run should have written with what the target holds. For every sampled
 * record it maps the record again (lookups resolved to the GUIDs the ledger recorded), reads each
 * row back by the id the ledger's latest write gives, and classifies every mapped column. Owners
 * are not compared: they are resolved against the target's users, which preflight reports on.
 */
public final class SampleDiffer {
  private final CompiledPlan plan;
  private final SourceConnector source;
  private final TargetConnector target;
  private final SystemSchema targetSchema;
  private final Ledger ledger;
  private final Clock clock;

  /** @param source the sampled records only (a {@link SampleSource}): they are held in memory */
  public SampleDiffer(CompiledPlan plan, SourceConnector source, TargetConnector target, SystemSchema targetSchema,
      Ledger ledger, Clock clock) {
    this.plan = plan;
    this.source = source;
    this.target = target;
    this.targetSchema = targetSchema;
    this.ledger = ledger;
    this.clock = clock;
  }

  public SampleDiff diff(long runId) {
    Map<SourceRef, SourceRecord> records = new TreeMap<>();
    for (var router : plan.routers()) {
      try (Stream<SourceRecord> stream = source.records(router.sourceObject(), null, bad -> { })) {
        stream.forEach(r -> records.put(SourceRef.of(r), r));
      }
    }
    List<RecordDiff> out = new ArrayList<>();
    // Objects the plan does not route (Spark's stages) are read only through ref(...).field: found as the load finds them.
    SourceLookups unrouted = new SourceLookups(source);
    for (SourceRecord record : records.values()) {
      ExpectedContext context = new ExpectedContext(records, unrouted);
      for (MapResult result : plan.transform(record, context)) {
        if (result instanceof MapResult.Failed failed) {
          out.add(new RecordDiff(SourceRef.of(record), "-", tableOf(record.object()), null, List.of(),
              "mapping failed: " + failed.error().message()));
          continue;
        }
        for (TargetRow row : ((MapResult.Mapped) result).rows()) out.add(compare(runId, record, row, context));
      }
    }
    return new SampleDiff(runId, out);
  }

  /** Where a record that failed to map is listed: its map's table, or its object when it has several maps. */
  private String tableOf(String object) {
    List<String> tables = plan.router(object).map(r -> r.maps().stream().map(m -> m.targetTable()).distinct().toList())
        .orElse(List.of());
    return tables.size() == 1 ? tables.get(0) : "(" + object + ")";
  }

  private RecordDiff compare(long runId, SourceRecord record, TargetRow row, ExpectedContext context) {
    SourceRef ref = SourceRef.of(record);
    Optional<String> targetId = landedId(ref, row.table());
    if (targetId.isEmpty()) {
      return new RecordDiff(ref, row.map(), row.table(), null, List.of(),
          "not landed: the ledger has no successful write of it (see the run's failed and quarantined records)");
    }
    Map<String, Object> actual = readBack(row, targetId.get());
    if (actual == null) {
      return new RecordDiff(ref, row.map(), row.table(), targetId.get(), List.of(),
          "not found in the target when read back");
    }
    List<FieldDiff> fields = new ArrayList<>();
    row.columns().forEach((column, expected) -> fields.add(column(record, column, expected,
        actual.get(readFrom(column)))));
    // A link the load left out to break a parent loop is expected empty: the map's value would close the loop.
    boolean loopBroken = !plan.deferredColumns(row.map()).isEmpty()
        && ParentLoops.leftOut(ledger, runId, new RecordKey(ref.object(), ref.id(), row.table()));
    row.lookups().forEach((column, lookup) -> {
      String expected = loopBroken && plan.deferredColumns(row.map()).contains(column) ? null
          : lookup.key() instanceof TargetKey.ById id ? id.id().toString() : lookup.key().toString();
      String read = DataverseValues.readBack(actual.get(lookupValue(column)), expected);
      SourceRef referenced = context.referenced.get(lookup);
      String from = referenced == null ? null : referenced.toString();
      fields.add(new FieldDiff(column, from, referenced == null ? null : referenced.id(), expected, read,
          Objects.equals(expected, read) ? FieldStatus.TRANSFORMED : FieldStatus.DIFFERS));
    });
    return new RecordDiff(ref, row.map(), row.table(), targetId.get(), fields, null);
  }

  /** A plain column: equal when a source field holds the value unchanged, transformed when only the mapping made it. */
  private static FieldDiff column(SourceRecord record, String column, Object expectedValue, Object actualValue) {
    String expected = DataverseValues.of(expectedValue);
    String actual = DataverseValues.readBack(actualValue, expectedValue);
    String field = null;
    for (Map.Entry<String, Object> f : record.fields().entrySet()) {
      if (expected != null && expected.equals(DataverseValues.of(f.getValue()))) {
        field = f.getKey();
        break;
      }
    }
    String sourceValue = field == null ? null : DataverseValues.of(record.get(field));
    FieldStatus status = !Objects.equals(expected, actual) ? FieldStatus.DIFFERS
        : field != null || expected == null ? FieldStatus.EQUAL : FieldStatus.TRANSFORMED;
    return new FieldDiff(column, field, sourceValue, expected, actual, status);
  }

  private Optional<String> landedId(SourceRef ref, String table) {
    RecordKey key = new RecordKey(ref.object(), ref.id(), table);
    LedgerEntry entry = ledger.history().lastLanded(List.of(key)).get(key);
    return entry == null || entry.targetId() == null ? Optional.empty()
        : Optional.of(entry.targetId().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Where a written column's value is read back. Dataverse moves a value written to
   * {@code overriddencreatedon} into {@code createdon} and keeps the load time in
   * {@code overriddencreatedon}, so the mapped creation date is found in {@code createdon}.
   */
  private static String readFrom(String column) {
    return column.equals("overriddencreatedon") ? "createdon" : column;
  }

  private static String lookupValue(String column) {
    return "_" + column + "_value";
  }

  /** The row's mapped columns by its primary id; null when the target has no such row. */
  private Map<String, Object> readBack(TargetRow row, String targetId) {
    Table table = targetSchema.table(row.table()).orElseThrow(() -> new IllegalArgumentException(
        "table '" + row.table() + "' is not in the target schema; run 'fmap schema pull'"));
    List<String> columns = new ArrayList<>(row.columns().keySet().stream().map(SampleDiffer::readFrom).toList());
    row.lookups().keySet().forEach(c -> columns.add(lookupValue(c)));
    columns.add(table.primaryIdColumn());
    List<Map<String, Object>> found = new ArrayList<>();
    try {
      target.read(row.table(), columns, table.primaryIdColumn() + " eq " + UUID.fromString(targetId), found::add);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + row.table() + " " + targetId + " back failed: " + e.getMessage(), e);
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * Maps a record as the run did, except that a lookup resolves to the GUID the ledger recorded for
   * the referenced record, which is what the target's {@code _x_value} column holds.
   */
  private final class ExpectedContext implements MappingContext {
    private final Map<SourceRef, SourceRecord> records;
    private final SourceLookups unrouted;
    final Map<TargetRef, SourceRef> referenced = new IdentityHashMap<>();

    ExpectedContext(Map<SourceRef, SourceRecord> records, SourceLookups unrouted) {
      this.records = records;
      this.unrouted = unrouted;
    }

    @Override
    public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
      for (LookupCandidate candidate : candidates) {
        Optional<String> id = landedId(source, candidate.table());
        if (id.isPresent()) {
          TargetRef ref = new TargetRef(candidate.table(), candidate.navigationProperty(),
              TargetKey.id(UUID.fromString(id.get())));
          referenced.put(ref, source);
          return Optional.of(ref);
        }
      }
      return Optional.empty();
    }

    @Override
    public Object sourceField(SourceRef ref, String field) {
      SourceRecord routed = records.get(ref);
      return routed != null ? routed.get(field) : unrouted.field(ref, field);
    }

    /**
     * Owners are not compared (see the class comment), but a map may require one: a stand-in keeps
     * such a map from failing here when it did not fail in the run.
     */
    @Override
    public Optional<TargetRef> owner(String email) {
      return Optional.of(ReferenceRecorder.standInOwner(email));
    }

    @Override
    public Object param(String name) {
      return plan.params().get(name);
    }

    @Override
    public Clock clock() {
      return clock;
    }
  }
}
