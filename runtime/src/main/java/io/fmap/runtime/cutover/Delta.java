package io.fmap.runtime.cutover;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.exec.RunSummary;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.exec.ReadWatermarks;
import io.fmap.runtime.ledger.Watermark;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.CurrentRow;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One pass of {@code fmap delta}: finds the source records changed since each object's watermark,
 * looks for target rows changed since fmap's last write of them (conflicts), and loads through the
 * same executor as {@code fmap migrate}; unchanged records are skipped there by content hash. Each pass
 * is a run of mode {@code delta}; its watermarks count once it completes.
 */
public final class Delta {

  /** What to do with a record changed both in the source and, since fmap's last write, in the target. */
  public enum Policy {
    /** load it anyway: the target's change is overwritten (and listed) */
    SOURCE_WINS,
    /** keep the target's row; the source change is not loaded (and listed) */
    TARGET_WINS,
    /** load nothing of it and list it, so a person decides (the default; exit 1) */
    REPORT;

    public static Policy parse(String text) {
      for (Policy p : values()) {
        if (p.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) return p;
      }
      throw new IllegalArgumentException("conflict policy '" + text
          + "' is not one of source-wins, target-wins, report");
    }
  }

  /** The executor run over the given source (the delta's view of it), as {@code fmap migrate} builds it. */
  @FunctionalInterface
  public interface Loader {
    RunSummary load(SourceConnector source);
  }

  /**
   * @param ourWrite       when fmap's latest write of the row was confirmed
   * @param targetModified the target's {@code modifiedon} (null when the table has none)
   * @param ourVersion     the version (ETag) fmap's latest write left the row at, or null when the ledger
   *                       has none for it (then a {@code modifiedon} later than our write is the evidence)
   * @param targetVersion  the row's version now, when {@code ourVersion} is known: another one
   */
  public record Conflict(RecordKey key, String targetId, Instant ourWrite, Instant targetModified, String ourVersion,
      String targetVersion) {}

  /**
   * @param changed          records read as changed since the watermark, per object
   * @param conflicts        rows changed in the target since fmap's last write of them, by key
   * @param deletedInSource  records fmap wrote that the source no longer has (reported; not deleted)
   */
  public record Result(RunSummary load, Policy policy, Map<String, Long> changed, List<Conflict> conflicts,
      Map<String, String> watermarks, List<RecordKey> deletedInSource) {

    /** Conflicts under {@code report}, and records that did not land, need a person: exit 1. */
    public boolean needsAttention() {
      return (policy == Policy.REPORT && !conflicts.isEmpty()) || load.hasFailures();
    }

    public String toText() {
      StringBuilder out = new StringBuilder("delta run " + load.runId() + " (" + policy.name().toLowerCase(Locale.ROOT)
          .replace('_', '-') + ")\n");
      changed.forEach((object, n) -> out.append("  ").append(object).append(": ").append(n)
          .append(" changed since the watermark, now ").append(watermarks.getOrDefault(object, "(unchanged)")).append('\n'));
      for (Conflict c : conflicts) {
        out.append("  conflict ").append(c.key()).append(" ").append(c.targetId()).append(": target changed ")
            .append(c.ourVersion() != null ? "(version " + c.targetVersion() + ", we left " + c.ourVersion() + ")"
                : String.valueOf(c.targetModified())).append(", after our write ").append(c.ourWrite())
            .append(switch (policy) {
              case SOURCE_WINS -> " (overwritten)";
              case TARGET_WINS -> " (kept)";
              case REPORT -> " (not loaded: decide, then run with --policy)";
            }).append('\n');
      }
      for (RecordKey key : deletedInSource) {
        out.append("  deleted in the source: ").append(key).append(" (left in the target)\n");
      }
      return out.toString();
    }
  }

  private final CompiledPlan plan;
  private final SourceConnector source;
  private final TargetConnector target;
  private final SystemSchema targetSchema;
  private final Ledger ledger;

  public Delta(CompiledPlan plan, SourceConnector source, TargetConnector target, SystemSchema targetSchema,
      Ledger ledger) {
    this.plan = plan;
    this.source = source;
    this.target = target;
    this.targetSchema = targetSchema;
    this.ledger = ledger;
  }

  public Result run(Policy policy, Loader loader) throws IOException {
    Map<String, Long> changed = new TreeMap<>();
    Map<String, Instant> newest = new TreeMap<>();
    Map<String, List<RecordKey>> changedKeys = new TreeMap<>();
    Map<String, Instant> watermarksRead = new HashMap<>();
    for (LoadTier tier : plan.tiers()) {
      for (String object : tier.sourceObjects()) {
        Instant since = ledger.watermark(object).map(Watermark::value).map(Instant::parse).orElse(null);
        if (since != null) watermarksRead.put(object, since);
        List<String> tables = Lookups.tablesOf(plan, object);
        List<RecordKey> keys = new ArrayList<>();
        long[] n = {0};
        try (Stream<SourceRecord> records = source.records(object, since, bad -> { })) {
          records.forEach(record -> {
            n[0]++;
            Instant at = ReadWatermarks.updatedAt(record);
            if (at != null) newest.merge(object, at, (a, b) -> a.isAfter(b) ? a : b);
            tables.forEach(t -> keys.add(new RecordKey(object, record.id(), t)));
          });
        }
        changed.put(object, n[0]);
        changedKeys.put(object, keys);
      }
    }
    List<Conflict> conflicts = new ArrayList<>();
    for (List<RecordKey> keys : changedKeys.values()) conflicts.addAll(conflicts(keys));
    Map<String, Set<String>> held = new HashMap<>();
    if (policy != Policy.SOURCE_WINS) {
      conflicts.forEach(c -> held.computeIfAbsent(c.key().sourceObject(), o -> new TreeSet<>()).add(c.key().sourceId()));
    }
    RunSummary load = loader.load(new DeltaView(source, watermarksRead, held));
    Map<String, String> watermarks = new TreeMap<>();
    boolean completed = ledger.run(load.runId()).map(r -> r.status() == RunStatus.COMPLETED).orElse(false);
    newest.forEach((object, at) -> {
      // Under `report` a held-back record must come back next pass: that object's watermark stays.
      if (completed && !(policy == Policy.REPORT && held.containsKey(object))) {
        ledger.setWatermark(load.runId(), object, at.toString());
        watermarks.put(object, at.toString());
      }
    });
    return new Result(load, policy, changed, conflicts, watermarks, deletedInSource());
  }

  /**
   * The executor's second pass (deferred lookups) writes a row again under its own key,
   * {@code Company~lookups} ({@code BatchWriter.LOOKUPS_SUFFIX}): that write is ours too.
   */
  public static final String SECOND_PASS_SUFFIX = "~lookups";

  /**
   * Every pass that writes a row again after its first write, under its own key: deferred lookups,
   * the state change ({@code Deal~state}: WinOpportunity touches the row) and the file body
   * ({@code BatchWriter.LOOKUPS_SUFFIX}, {@code STATE_SUFFIX}, {@code FILES_SUFFIX}). Links are not
   * here: associating two rows leaves both rows' {@code modifiedon} as it was.
   */
  public static final List<String> LATER_PASS_SUFFIXES = List.of(SECOND_PASS_SUFFIX, "~state", "~files");

  /** fmap's latest confirmed write of a target row, under the record's key, with the version it left (or null). */
  private record OurWrite(RecordKey key, String targetId, Instant at, String version) {}

  /**
   * Changed records whose target row was modified after fmap's latest write of it, by any pass: a
   * row the state pass closed after its first write was last touched by fmap then, not by someone else.
   * When the ledger has the version (ETag) that latest write left the row at, any other version now is a
   * conflict, exactly; otherwise a {@code modifiedon} in a later second than the write is.
   */
  private List<Conflict> conflicts(List<RecordKey> keys) throws IOException {
    List<RecordKey> asked = new ArrayList<>(keys);
    keys.forEach(k -> LATER_PASS_SUFFIXES.forEach(suffix -> asked.add(laterPass(k, suffix))));
    Map<RecordKey, LedgerEntry> landed = ledger.history().lastLanded(asked);
    Map<String, Map<String, OurWrite>> byTable = new TreeMap<>();
    for (RecordKey key : keys) {
      LedgerEntry newest = landed.get(key);
      if (newest == null || newest.settledAt() == null) continue;
      String targetId = newest.targetId();
      for (String suffix : LATER_PASS_SUFFIXES) {
        LedgerEntry later = landed.get(laterPass(key, suffix));
        if (later != null && later.settledAt() != null && later.settledAt().isAfter(newest.settledAt())) newest = later;
      }
      byTable.computeIfAbsent(key.targetTable(), t -> new HashMap<>())
          .put(targetId, new OurWrite(key, targetId, newest.settledAt(), newest.targetVersion()));
    }
    List<Conflict> conflicts = new ArrayList<>();
    for (Map.Entry<String, Map<String, OurWrite>> t : byTable.entrySet()) {
      Table table = Lookups.table(targetSchema, t.getKey());
      // A table the plan adds has modifiedon in Dataverse, but the pinned schema knows it only after
      // `fmap schema pull`; asking for a column the target may not have would stop the whole delta.
      boolean hasModifiedOn = table.column("modifiedon").isPresent();
      Map<String, OurWrite> versioned = new HashMap<>();
      Map<String, OurWrite> unversioned = new HashMap<>();
      t.getValue().forEach((id, w) -> (w.version() != null ? versioned : unversioned).put(id, w));
      if (!versioned.isEmpty()) conflicts.addAll(versionConflicts(table, versioned, hasModifiedOn));
      if (unversioned.isEmpty() || !hasModifiedOn) continue;
      target.read(table.name(), List.of(table.primaryIdColumn(), "modifiedon"), null, row -> {
        OurWrite write = unversioned.get(String.valueOf(row.get(table.primaryIdColumn())));
        Object modified = row.get("modifiedon");
        if (write == null || modified == null) return;
        Instant at = OffsetDateTime.parse(modified.toString()).toInstant();
        // modifiedon has whole seconds (as in Dataverse): only a later second is surely someone else's edit.
        if (at.isAfter(write.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
          conflicts.add(new Conflict(write.key(), write.targetId(), write.at(), at, null, null));
        }
      });
    }
    conflicts.sort(java.util.Comparator.comparing(Conflict::key));
    return conflicts;
  }

  /** Rows whose version (ETag) is no longer the one fmap's latest write left (read by id; the connector chunks). */
  private List<Conflict> versionConflicts(Table table, Map<String, OurWrite> ours, boolean hasModifiedOn)
      throws IOException {
    List<Conflict> found = new ArrayList<>();
    List<UUID> ids = ours.keySet().stream().map(UUID::fromString).sorted().toList();
    Map<UUID, CurrentRow> now = target.rows(table.name(), ids, hasModifiedOn ? List.of("modifiedon") : List.of());
    for (UUID id : ids) {
      CurrentRow row = now.get(id);
      OurWrite write = ours.get(id.toString());
      // A row gone from the target is no edit to protect; a row without a version cannot be compared.
      if (row == null || row.version() == null || row.version().equals(write.version())) continue;
      Object modified = row.columns().get("modifiedon");
      found.add(new Conflict(write.key(), write.targetId(), write.at(),
          modified == null ? null : OffsetDateTime.parse(modified.toString()).toInstant(), write.version(), row.version()));
    }
    return found;
  }

  private static RecordKey laterPass(RecordKey key, String suffix) {
    return new RecordKey(key.sourceObject() + suffix, key.sourceId(), key.targetTable());
  }

  /** Standing writes whose source record is gone: paged through the ledger against the source's ids. */
  private List<RecordKey> deletedInSource() {
    List<RecordKey> gone = new ArrayList<>();
    for (LoadTier tier : plan.tiers()) {
      for (String object : tier.sourceObjects()) {
        Set<String> ids = new TreeSet<>();
        try (Stream<SourceRecord> records = source.records(object, null, bad -> { })) {
          records.forEach(r -> ids.add(r.id()));
        }
        for (String table : Lookups.tablesOf(plan, object)) {
          Lookups.standing(ledger, object, table).keySet().stream().filter(id -> !ids.contains(id))
              .forEach(id -> gone.add(new RecordKey(object, id, table)));
        }
      }
    }
    return gone;
  }
}
