package io.fmap.bench;

import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The run context all three transforms get: lookups bound by the referenced row's alternate key
 * (no ledger round trip), owners from an in-memory directory, a fixed clock.
 */
final class BenchContext implements MappingContext {

  private final Clock clock = Clock.fixed(ContactRecords.NOW, ZoneOffset.UTC);
  final Map<String, TargetRef> owners = new HashMap<>();
  private final Map<String, Object> params;

  BenchContext(Map<String, Object> params) {
    this.params = params;
    for (int i = 0; i < 20; i++) {
      owners.put("owner" + i + "@example.com", new TargetRef("systemuser", "ownerid", TargetKey.id(new UUID(7, i))));
    }
  }

  @Override
  public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
    LookupCandidate only = candidates.get(0);
    return Optional.of(new TargetRef(only.table(), only.navigationProperty(),
        TargetKey.alternate(only.keyColumn(), source.id())));
  }

  @Override
  public Object sourceField(SourceRef source, String field) {
    return null;
  }

  @Override
  public Optional<TargetRef> owner(String email) {
    return Optional.ofNullable(owners.get(email));
  }

  @Override
  public Object param(String name) {
    return params.get(name);
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
