package io.fmap.runtime.ledger;

/**
 * One wait the target imposed (HTTP 429, or 503 with Retry-After).
 *
 * @param targetTable  the table being written when it happened, or null for a batch of several
 * @param status       the HTTP status that asked fmap to wait
 * @param waitedMillis how long fmap waited
 */
public record ThrottleWait(String targetTable, int status, long waitedMillis) {}
