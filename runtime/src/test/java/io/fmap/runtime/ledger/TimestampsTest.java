package io.fmap.runtime.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void readsBackWhatItWroteAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < 2000; i++) {
      // 1970 to 2100, to the millisecond: the precision the ledger keeps.
      Instant instant = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
      String text = Timestamps.format(instant);
      assertEquals(Instant.parse(text), Timestamps.parse(text), text);
      assertEquals(instant, Timestamps.parse(text), text);
    }
  }

  @Test
  void otherSpellingsAndNullAreReadByInstantParse() {
    assertNull(Timestamps.parse(null));
    assertEquals(Instant.parse("2026-11-29T08:00:00Z"), Timestamps.parse("2026-11-29T08:00:00Z"));
    assertEquals(Instant.parse("2026-11-29T08:00:00.123456Z"), Timestamps.parse("2026-11-29T08:00:00.123456Z"));
    assertThrows(DateTimeException.class, () -> Timestamps.parse("2026-11-29T08:60:00.000Z"));
    assertThrows(DateTimeException.class, () -> Timestamps.parse("2026-02-30T08:00:00.000Z"));
  }
}
