package io.fmap.runtime.cutover;

import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.exec.Owners;
import io.fmap.runtime.exec.SourceLookups;
import io.fmap.runtime.ledger.Ledger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapping context reconcile runs the plan with. It wants what a record maps to and the table it
 * is routed to, so it must let a record map exactly when a load would have mapped it: an empty
 * lookup or owner makes {@code ref(...)} and {@code owner(...)} fail the record, and a plan such as
 * the standard set (every map has an owner) would then expect nothing at all.
 *
 * <ul>
 *   <li>a lookup resolves when the ledger has a standing write of the referenced record in one of
 *       the candidate tables, as the load's lookup would have, to that write's row id: the id the
 *       row's lookup column must hold;</li>
 *   <li>an owner resolves as the load's does ({@link Owners}: the owner rule over the target's users);
 *       one the rule cannot give still resolves, by the email alone (not compared), since a record a
 *       load could not own was never written and shows as {@code not_loaded};</li>
 *   <li>{@code ref(...).field} reads other source records as the load does ({@link SourceLookups}).</li>
 * </ul>
 */
final class ColumnsOnlyContext implements MappingContext {
  private final Map<String, Object> params;
  private final Clock clock;
  private final SourceLookups sources;
  private final Ledger ledger;
  private final Owners owners;
  /** "object/table" → source id → target id, read from the ledger once per pair. */
  private final Map<String, Map<String, String>> standing = new ConcurrentHashMap<>();

  ColumnsOnlyContext(Map<String, Object> params, Clock clock, SourceLookups sources, Ledger ledger, Owners owners) {
    this.params = params;
    this.owners = owners;
    this.clock = clock;
    this.sources = sources;
    this.ledger = ledger;
  }

  @Override
  public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
    for (LookupCandidate candidate : candidates) {
      Map<String, String> written = standing.computeIfAbsent(source.object() + "/" + candidate.table(),
          k -> Lookups.standing(ledger, source.object(), candidate.table()));
      String id = written.get(source.id());
      if (id != null) {
        return Optional.of(new TargetRef(candidate.table(), candidate.navigationProperty(),
            TargetKey.id(UUID.fromString(id))));
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
    return owners.byEmail(email).or(() -> Optional.of(new TargetRef("systemuser", "ownerid",
        TargetKey.alternate("internalemailaddress", email == null ? "" : email))));
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
