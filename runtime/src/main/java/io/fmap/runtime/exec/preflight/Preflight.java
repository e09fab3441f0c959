package io.fmap.runtime.exec.preflight;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.SchemaChange;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.exec.Owners;
import io.fmap.runtime.exec.SourceLookups;
import io.fmap.runtime.owner.OwnerReport;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A dry run of the whole plan over the whole source, sending nothing: every record is mapped and
 * its rows checked against the target schema; owners are counted for the owner report; references
 * to records the source does not have and parent loops are found. Memory grows by 8 bytes a source
 * id (kept to check references, {@link SeenIds}), never with whole records.
 */
public final class Preflight {
  /** Dynamics 365 Sales Professional allows 15 custom tables. */
  public static final int PROFESSIONAL_CUSTOM_TABLE_CAP = 15;
  private static final int EXAMPLES = 5;

  /**
   * @param ownerField       the source field holding a record's owner id ({@code owner_id} in Spark)
   * @param recordsPerSecond the measured end-to-end throughput the duration is estimated from
   */
  public record Settings(String ownerField, double recordsPerSecond, int customTableCap, Clock clock) {
    public static Settings spark(double recordsPerSecond) {
      return new Settings("owner_id", recordsPerSecond, PROFESSIONAL_CUSTOM_TABLE_CAP, Clock.systemUTC());
    }
  }

  private final CompiledPlan plan;
  private final SourceConnector source;
  private final SystemSchema target;
  private final OwnerResolver resolver;
  private final Owners owners;
  private final Settings settings;
  private final SourceLookups sources;

  public Preflight(CompiledPlan plan, SourceConnector source, SystemSchema target, OwnerResolver resolver,
      Collection<SourceUser> sourceUsers, Settings settings) {
    this.plan = plan;
    this.source = source;
    this.target = target;
    this.resolver = resolver;
    this.owners = new Owners(resolver, sourceUsers);
    this.settings = settings;
    this.sources = new SourceLookups(source);
  }

  public PreflightReport run() {
    SortedMap<String, Long> volumes = new TreeMap<>();
    OwnerReport.Builder ownerReport = OwnerReport.builder(resolver);
    References references = new References(plan);
    ParentCycles cycles = new ParentCycles();
    Tally tally = new Tally();
    for (LoadTier tier : plan.tiers()) {
      for (String object : tier.sourceObjects()) {
        SeenIds seen = references.idsOf(object);
        long[] count = {0};
        try (Stream<SourceRecord> records = source.records(object, null,
            bad -> tally.add(new Finding("MALFORMED_RECORD", object + "/" + bad.location(), bad.reason())))) {
          records.forEach(record -> {
            count[0]++;
            seen.add(record.id());
            Object owner = record.get(settings.ownerField());
            ownerReport.count(object, owner == null ? null : owner.toString());
            check(record, references, cycles, tally);
          });
        }
        seen.seal();
        volumes.put(object, count[0]);
      }
    }
    references.checkPending(tally);
    long total = volumes.values().stream().mapToLong(Long::longValue).sum();
    Duration estimated = Duration.ofSeconds(Math.round(total / Math.max(settings.recordsPerSecond(), 0.001)));
    return new PreflightReport(volumes, estimated, settings.recordsPerSecond(), customTables(),
        settings.customTableCap(), ownerReport.build(), tally.groups(), cycles.cycles());
  }

  private void check(SourceRecord record, References references, ParentCycles cycles, Tally tally) {
    RecordingContext context = new RecordingContext(plan, owners, sources, settings.clock());
    String self = SourceRef.of(record).toString();
    boolean twoPass = false;
    for (MapResult result : plan.transform(record, context)) {
      if (result instanceof MapResult.Failed failed) {
        tally.add(new Finding(failed.error().code().name(), self, failed.error().describe()));
        continue;
      }
      for (TargetRow row : ((MapResult.Mapped) result).rows()) {
        twoPass |= !plan.deferredColumns(row.map()).isEmpty();
        RowChecks.check(row, target).forEach(tally::add);
      }
    }
    for (SourceRef ref : context.referenced) {
      references.check(ref, self, tally);
      // A record of a two-pass map referring to its own object: the self-reference a loop is made of.
      if (twoPass && ref.object().equals(record.object())) cycles.link(record.object(), record.id(), ref.id());
    }
  }

  /**
   * References to other source records, each checked once against the ids of its object: at once
   * when that object has been read whole (an earlier tier), else when every object has been read.
   * Only the second kind (references within a tier: a company's parent company) and the broken
   * ones are kept, so memory does not grow with the references the source holds.
   */
  private static final class References {
    private final Set<String> planned = new HashSet<>();
    private final Map<String, SeenIds> ids = new HashMap<>();
    /** Each reference to a record of an object not yet read whole, with the first record making it. */
    private final Map<SourceRef, String> pending = new TreeMap<>();
    private final Set<SourceRef> reported = new HashSet<>();

    References(CompiledPlan plan) {
      plan.tiers().forEach(t -> planned.addAll(t.sourceObjects()));
    }

    SeenIds idsOf(String object) {
      return ids.computeIfAbsent(object, o -> new SeenIds());
    }

    /** Objects the plan does not read (Spark's stages, users) are not checked: their ids are not read. */
    void check(SourceRef ref, String from, Tally tally) {
      if (!planned.contains(ref.object()) || pending.containsKey(ref)) return;
      SeenIds known = ids.get(ref.object());
      if (known == null || !known.sealed()) {
        pending.put(ref, from);
      } else if (!known.contains(ref.id()) && reported.add(ref)) {
        tally.add(broken(ref, from));
      }
    }

    void checkPending(Tally tally) {
      pending.forEach((ref, from) -> {
        if (!ids.get(ref.object()).contains(ref.id())) tally.add(broken(ref, from));
      });
    }

    private static Finding broken(SourceRef ref, String from) {
      return new Finding("BROKEN_REFERENCE", from, "refers to " + ref + ", which the source does not have");
    }
  }

  /** Custom tables the target has, plus those the plan would create. */
  private int customTables() {
    Set<String> custom = new HashSet<>();
    target.tables().stream().filter(Table::custom).forEach(t -> custom.add(t.name()));
    for (SchemaChange change : plan.schemaChanges()) {
      if (change instanceof SchemaChange.AddTable add) custom.add(add.table().name());
    }
    return custom.size();
  }

  /** Findings counted by code, a few examples kept each (the first by record, for a stable report). */
  private static final class Tally {
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, TreeMap<String, Finding>> examples = new TreeMap<>();

    void add(Finding finding) {
      counts.merge(finding.code(), 1L, Long::sum);
      TreeMap<String, Finding> kept = examples.computeIfAbsent(finding.code(), c -> new TreeMap<>());
      kept.putIfAbsent(finding.record() + "\u0000" + finding.message(), finding);
      if (kept.size() > EXAMPLES) kept.pollLastEntry();
    }

    List<PreflightReport.Group> groups() {
      List<PreflightReport.Group> groups = new ArrayList<>();
      counts.forEach((code, n) -> groups.add(new PreflightReport.Group(code, n,
          List.copyOf(examples.get(code).values()))));
      groups.sort(Comparator.comparingLong(PreflightReport.Group::count).reversed()
          .thenComparing(PreflightReport.Group::code));
      return groups;
    }
  }
}
