package io.fmap.runtime.cutover;

import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.exec.SourceLookups;
import io.fmap.runtime.ledger.Ledger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapping context reconcile runs the plan with. It wants the plain columns a record maps to and
 * the table it is routed to, so it must let a record map exactly when a load would have mapped it:
 * an empty lookup or owner makes {@code ref(...)} and {@code owner(...)} fail the record, and a plan
 * such as the standard set (every map has an owner) would then expect nothing at all.
 *
 * <ul>
 *   <li>a lookup resolves when the ledger has a standing write of the referenced record in one of
 *       the candidate tables, as the load's lookup would have; the reference itself is never
 *       compared (lookups are not plain columns), so its key is the derived id of the record;</li>
 *   <li>an owner always resolves: the owner rule's user list belongs to the load, and a record a
 *       load could not own was never written, so it shows as {@code not_loaded};</li>
 *   <li>{@code ref(...).field} reads other source records as the load does ({@link SourceLookups}).</li>
 * </ul>
 */
final class ColumnsOnlyContext implements MappingContext {
  private final Map<String, Object> params;
  private final Clock clock;
  private final SourceLookups sources;
  private final Ledger ledger;
  /** "object/table" → source id → target id, read from the ledger once per pair. */
  private final Map<String, Map<String, String>> standing = new ConcurrentHashMap<>();

  ColumnsOnlyContext(Map<String, Object> params, Clock clock, SourceLookups sources, Ledger ledger) {
    this.params = params;
    this.clock = clock;
    this.sources = sources;
    this.ledger = ledger;
  }

  @Override
  public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
    for (LookupCandidate candidate : candidates) {
      Map<String, String> written = standing.computeIfAbsent(source.object() + "/" + candidate.table(),
          k -> Lookups.standing(ledger, source.object(), candidate.table()));
      if (written.containsKey(source.id())) {
        return Optional.of(new TargetRef(candidate.table(), candidate.navigationProperty(),
            TargetKey.derivedId(candidate.table(), source)));
      }
    }
    return Optional.empty();
  }

  @Override
  public Object sourceField(SourceRef source, String field) {
    return sources.field(source, field);
  }

  @Override
  public Optional<TargetRef> owner(String email) {
    return Optional.of(new TargetRef("systemuser", "ownerid",
        TargetKey.alternate("internalemailaddress", email == null ? "" : email)));
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
