package io.fmap.runtime.cutover;

import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping context reconcile runs the plan with: it wants the plain columns a record maps to, so
 * lookups and owners resolve to nothing (they are compared through the ledger's content hash, not
 * here), and maps see the plan's parameters and the clock of the check.
 */
record ColumnsOnlyContext(Map<String, Object> params, Clock clock) implements MappingContext {

  @Override
  public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
    return Optional.empty();
  }

  @Override
  public Optional<SourceRecord> sourceRecord(SourceRef source) {
    return Optional.empty();
  }

  @Override
  public Optional<TargetRef> owner(String email) {
    return Optional.empty();
  }

  @Override
  public Object param(String name) {
    return params.get(name);
  }
}
