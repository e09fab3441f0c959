package io.fmap.runtime.exec;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.ledger.Ledger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a full load read each source object, so the first {@code fmap delta} after it reads only
 * what changed since. Per object the watermark is the newest {@code updated_at} read, but never later
 * than the run's start: a record edited while the load was reading (after it had been read) carries
 * an {@code updated_at} after the start, so the next delta still picks it up, whatever the other
 * records read later say. Objects whose records carry no {@code updated_at} get none (a delta reads
 * them whole and the content hash decides).
 */
public final class ReadWatermarks {
  private final Map<String, Instant> newest = new ConcurrentHashMap<>();

  /** A record's {@code updated_at} as an instant, or null when it has none. */
  public static Instant updatedAt(SourceRecord record) {
    Object value = record.get("updated_at");
    if (value instanceof Instant at) return at;
    if (value instanceof OffsetDateTime at) return at.toInstant();
    if (value instanceof String text && !text.isBlank()) return OffsetDateTime.parse(text).toInstant();
    return null;
  }

  void saw(String object, SourceRecord record) {
    Instant at = updatedAt(record);
    if (at != null) newest.merge(object, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Records each object's watermark for the run; they count once the run completes. */
  void record(Ledger ledger, long runId, Instant runStart) {
    newest.forEach((object, at) -> ledger.setWatermark(runId, object, (at.isAfter(runStart) ? runStart : at).toString()));
  }
}
