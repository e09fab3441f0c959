package io.fmap.runtime.ledger;

import java.time.Instant;

/**
 * A point rollback can return the target to: every entry with a larger {@code seq} came after it.
 * Each run opens with one ({@code "before run N"}); runs may add more between tiers.
 */
public record Checkpoint(long id, long runId, String label, long seq, Instant createdAt) {}
