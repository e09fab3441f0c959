package io.fmap.runtime.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What generated code may ask of the run it executes in: lookups, owners, params and the clock.
 * The executor implements it over the ledger and the owner resolver; tests implement it in a few
 * lines. Generated code never reaches anything else.
 */
public interface MappingContext {

  /**
   * Resolves a {@code ref(OBJECT, field)}: the target row the source record {@code source} was (or
   * will be) migrated to.
   *
   * @param source     the referenced source record
   * @param candidates the tables the compiler knows that source object maps to, each with the
   *                   navigation property the lookup column binds it through; never empty
   * @return the reference, or empty when the record is unknown (the generated code decides whether
   *         that is an error or an unset optional lookup)
   */
  Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates);

  /**
   * Reads a field of another source record, for {@code ref(OBJECT, id).field}: the value as the
   * source has it. A field, not the record: a run keeps only the fields mappings read this way.
   *
   * @return the value, or null when the field is null or the source has no record with that id
   */
  Object sourceField(SourceRef source, String field);

  /**
   * Resolves {@code owner(email)} with the project's fallback rule.
   *
   * @return the owning user or team, bound through {@code ownerid}; empty when neither the email
   *         nor the fallback gives one
   */
  Optional<TargetRef> owner(String email);

  /**
   * Resolves one activity party ({@code party to = ... resolve ...}): the row of the first candidate
   * table, in the order given, whose email column holds {@code address} (compared without case).
   * A context that reads no target rows (checks, diffs over the source alone) resolves nobody, so
   * every participant stays the bare address, which Dataverse keeps as an unresolved recipient.
   *
   * @param address    a participant's address, stripped, never blank
   * @param candidates the tables to search, in order; never empty
   * @return the participant bound through the candidate's navigation property, or empty
   */
  default Optional<TargetRef> party(String address, List<PartyCandidate> candidates) {
    return Optional.empty();
  }

  /**
   * The value of a declared {@code param}, after {@code fmap.yaml} and command-line overrides:
   * {@code String}, {@code Long}, {@code BigDecimal}, {@code Boolean} or {@code LocalDate}.
   *
   * @throws IllegalArgumentException for a name the plan does not declare (the checker prevents it)
   */
  Object param(String name);

  /** The run's clock: {@code today()} and {@code days_since(...)} read it, so tests can fix it. */
  Clock clock();

  /** Today's date in the clock's zone. */
  default LocalDate today() {
    return LocalDate.ofEpochDay(todayEpochDay());
  }

  /** Today in the clock's zone as days from 1970-01-01: what {@code days_since} counts from, without a {@code LocalDate}. */
  default long todayEpochDay() {
    Clock clock = clock();
    return CalendarDays.epochDayAt(clock.instant(), clock.getZone());
  }
}
