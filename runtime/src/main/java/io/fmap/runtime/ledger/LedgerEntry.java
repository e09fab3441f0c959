package io.fmap.runtime.ledger;

import java.time.Instant;

/**
 * One row of the ledger: a record's write in one run, from intent to outcome.
 *
 * @param seq       the entry's position in the whole ledger (later entries have larger numbers)
 * @param runId     the run it belongs to
 * @param key       which record and table
 * @param kind      the write announced, or null when the record was never sent (skipped, quarantined)
 * @param outcome   what happened, or null while the write is in doubt
 * @param attempts  how many times the write was announced in this run
 */
public record LedgerEntry(long seq, long runId, RecordKey key, WriteKind kind, String targetId,
    Operation outcome, String contentHash, String beforeImage, String targetVersion, String errorCode,
    String errorMessage, int attempts, Instant intendedAt, Instant settledAt) {

  /** Announced but not answered: the write may or may not have reached the target. */
  public boolean inDoubt() {
    return outcome == null;
  }
}
