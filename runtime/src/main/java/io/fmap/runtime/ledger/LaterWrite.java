package io.fmap.runtime.ledger;

/** A target row a run wrote and a later run wrote again ({@link Ledger#laterWrites}). */
public record LaterWrite(String targetTable, String targetId, long laterRunId) {}
