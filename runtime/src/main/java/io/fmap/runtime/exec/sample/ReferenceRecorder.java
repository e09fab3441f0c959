package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link MappingContext} that answers every question and remembers what was asked: running a
 * record's maps through it tells which other source records the record references (its
 * {@code ref(...)} lookups and reads) and which owner emails it needs, exactly as the plan uses
 * them, so the sample is closed under the references that matter to the load. Answers are
 * made-up but well-formed so that a required lookup does not stop the map half-way.
 */
final class ReferenceRecorder implements MappingContext {
  private final Map<String, Object> params;
  private final Clock clock;
  private final Set<SourceRef> references = new TreeSet<>();
  private final Set<String> ownerEmails = new TreeSet<>();

  ReferenceRecorder(Map<String, Object> params, Clock clock) {
    this.params = params;
    this.clock = clock;
  }

  Set<SourceRef> references() {
    return references;
  }

  Set<String> ownerEmails() {
    return ownerEmails;
  }

  @Override
  public Optional<TargetRef> lookup(SourceRef source, java.util.List<LookupCandidate> candidates) {
    references.add(source);
    LookupCandidate first = candidates.get(0);
    return Optional.of(new TargetRef(first.table(), first.navigationProperty(),
        TargetKey.derivedId(first.table(), source)));
  }

  /** Empty: a value read from another record only shapes a column, never the sample. */
  @Override
  public Object sourceField(SourceRef source, String field) {
    references.add(source);
    return null;
  }

  @Override
  public Optional<TargetRef> owner(String email) {
    if (email != null && !email.isBlank()) ownerEmails.add(email);
    return Optional.of(standInOwner(email));
  }

  /** A well-formed owner for mapping a record where the real owner does not matter. */
  static TargetRef standInOwner(String email) {
    return new TargetRef("systemuser", "ownerid",
        TargetKey.derivedId("systemuser", new SourceRef("User", String.valueOf(email))));
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
