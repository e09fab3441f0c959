package io.fmap.runtime.ledger;

/**
 * How far a completed run read one source object: the next delta reads records changed after it.
 *
 * @param value the source's own value (an {@code updated_at} instant, as the source wrote it)
 */
public record Watermark(String sourceObject, String value, long runId) {}
