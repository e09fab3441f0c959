package io.fmap.runtime.exec.preflight;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.exec.Owners;
import io.fmap.runtime.exec.SourceLookups;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mapping context of a dry run over one record: lookups answer as the load would address the
 * row, and every source record the mapping refers to is noted, so that preflight can tell
 * references to records the source does not have and parent cycles. Made per record.
 */
final class RecordingContext implements MappingContext {
  private final CompiledPlan plan;
  private final Owners owners;
  private final Clock clock;
  private final SourceLookups sources;
  final List<SourceRef> referenced = new ArrayList<>();

  RecordingContext(CompiledPlan plan, Owners owners, SourceLookups sources, Clock clock) {
    this.plan = plan;
    this.sources = sources;
    this.owners = owners;
    this.clock = clock;
  }

  @Override
  public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
    referenced.add(source);
    LookupCandidate first = candidates.get(0);
    TargetKey key = first.keyColumn() != null ? TargetKey.alternate(first.keyColumn(), source.id())
        : TargetKey.derivedId(first.table(), source);
    return Optional.of(new TargetRef(first.table(), first.navigationProperty(), key));
  }

  @Override
  public Object sourceField(SourceRef source, String field) {
    referenced.add(source);
    return sources.field(source, field);
  }

  @Override
  public Optional<TargetRef> owner(String email) {
    return owners.byEmail(email);
  }

  @Override
  public Object param(String name) {
    if (!plan.params().containsKey(name)) throw new IllegalArgumentException("the plan declares no param " + name);
    return plan.params().get(name);
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
