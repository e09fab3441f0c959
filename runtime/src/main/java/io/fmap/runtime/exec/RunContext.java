package io.fmap.runtime.exec;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.PartyCandidate;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerEntry;
import io.fmap.runtime.ledger.RecordKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link MappingContext} of a run: lookups, owners, activity parties, params and the clock, over
 * the ledger, the owner resolver, the target's rows and the source.
 *
 * <p>A lookup with one candidate table needs no question: rows are addressed by their alternate
 * key or by the id derived from the source record, both known before the row exists (and the
 * target refuses a reference to a row that is not there, which fails that one row with the target's
 * reason). With several candidates (a contact that became a lead or a contact) the ledger says which
 * table the referenced record landed in.
 */
final class RunContext implements MappingContext {
  private final CompiledPlan plan;
  private final Ledger ledger;
  private final Owners owners;
  private final SourceLookups sources;
  private final PartyDirectory parties;
  private final Clock clock;

  RunContext(CompiledPlan plan, Ledger ledger, Owners owners, SourceLookups sources, PartyDirectory parties,
      Clock clock) {
    this.plan = plan;
    this.parties = parties;
    this.ledger = ledger;
    this.owners = owners;
    this.sources = sources;
    this.clock = clock;
  }

  @Override
  public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
    if (candidates.size() == 1) return Optional.of(addressed(source, candidates.get(0)));
    List<RecordKey> keys = candidates.stream()
        .map(c -> new RecordKey(source.object(), source.id(), c.table())).toList();
    Map<RecordKey, LedgerEntry> landed = ledger.history().lastLanded(keys);
    for (LookupCandidate candidate : candidates) {
      LedgerEntry entry = landed.get(new RecordKey(source.object(), source.id(), candidate.table()));
      if (entry != null && entry.targetId() != null) {
        return Optional.of(new TargetRef(candidate.table(), candidate.navigationProperty(),
            TargetKey.id(UUID.fromString(entry.targetId()))));
      }
    }
    return Optional.empty();
  }

  /** The row as its own map addresses it: by the source id in the key column, or by the derived id. */
  private static TargetRef addressed(SourceRef source, LookupCandidate candidate) {
    TargetKey key = candidate.keyColumn() != null ? TargetKey.alternate(candidate.keyColumn(), source.id())
        : TargetKey.derivedId(candidate.table(), source);
    return new TargetRef(candidate.table(), candidate.navigationProperty(), key);
  }

  @Override
  public Object sourceField(SourceRef source, String field) {
    return sources.field(source, field);
  }

  @Override
  public Optional<TargetRef> owner(String email) {
    return owners.byEmail(email);
  }

  @Override
  public Optional<TargetRef> party(String address, List<PartyCandidate> candidates) {
    return parties.find(address, candidates);
  }

  @Override
  public Object param(String name) {
    // Read per record by generated code: one lookup, and the second only to tell a missing param from a null one.
    Object value = plan.params().get(name);
    if (value == null && !plan.params().containsKey(name)) {
      throw new IllegalArgumentException("the plan declares no param " + name);
    }
    return value;
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
