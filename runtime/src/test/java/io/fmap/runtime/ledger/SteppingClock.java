package io.fmap.runtime.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second each time it is read, so ledger timestamps are predictable. */
final class SteppingClock extends Clock {

  private final AtomicLong seconds = new AtomicLong(Instant.parse("2026-11-29T08:00:00Z").getEpochSecond());

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(seconds.getAndIncrement());
  }
}
