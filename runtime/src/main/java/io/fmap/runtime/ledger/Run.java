package io.fmap.runtime.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of fmap against the target, as the ledger remembers it.
 *
 * @param id         the run's number, increasing with every run of the project
 * @param mode       what the run did
 * @param status     where it stands
 * @param who        the operating-system user who started it
 * @param planHash   the hash of the approved plan it executed
 * @param startedAt  when it started
 * @param endedAt    when it ended, or null while running (or interrupted)
 * @param rollbackOf for a rollback run, the run it undoes; otherwise null
 */
public record Run(long id, RunMode mode, RunStatus status, String who, String planHash,
    Instant startedAt, Instant endedAt, Long rollbackOf) {

  public Run {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(planHash, "planHash");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
