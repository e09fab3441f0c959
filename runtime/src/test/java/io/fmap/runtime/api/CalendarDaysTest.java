package io.fmap.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalendarDaysTest {

  private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(14), ZoneOffset.ofHoursMinutes(-9, -30),
      ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Pacific/Kiritimati"));

  @Test
  void theDayCountIsTheEpochDayOfTheJdksDateInEveryZone() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      LocalDate expected = LocalDate.ofInstant(t, zone);
      assertEquals(expected.toEpochDay(), CalendarDays.epochDayAt(t, zone), () -> t + " in " + zone);
      assertEquals(expected, CalendarDays.dateAt(t, zone), () -> t + " in " + zone);
    }
  }

  @Test
  void todayAndItsDayCountAgreeAroundMidnightInEveryZone() {
    for (ZoneId zone : ZONES) {
      for (String at : List.of("2024-03-10T23:59:59Z", "2024-03-11T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00Z")) {
        MappingContext context = contextAt(Clock.fixed(Instant.parse(at), zone));
        LocalDate expected = LocalDate.now(context.clock());
        assertEquals(expected, context.today(), at + " in " + zone);
        assertEquals(expected.toEpochDay(), context.todayEpochDay(), at + " in " + zone);
      }
    }
  }

  private static MappingContext contextAt(Clock clock) {
    return new MappingContext() {
      @Override public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) { return Optional.empty(); }
      @Override public Object sourceField(SourceRef source, String field) { return null; }
      @Override public Optional<TargetRef> owner(String email) { return Optional.empty(); }
      @Override public Object param(String name) { return null; }
      @Override public Clock clock() { return clock; }
    };
  }
}
