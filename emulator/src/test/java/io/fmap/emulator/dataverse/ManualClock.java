package io.fmap.emulator.dataverse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand, so sliding windows and Retry-After are exact. */
final class ManualClock extends Clock {
  private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-15T10:00:00Z").toEpochMilli());

  void advance(Duration d) { millis.addAndGet(d.toMillis()); }

  @Override public ZoneId getZone() { return ZoneOffset.UTC; }
  @Override public Clock withZone(ZoneId zone) { return this; }
  @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
  @Override public long millis() { return millis.get(); }
}
