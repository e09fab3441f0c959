package io.fmap.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  /** What Values.instant did before the fast path: the JDK's parsers, or null when both refuse. */
  private static Instant jdk(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  @Test
  void theFastPathReadsEveryShapeItTakesExactlyAsTheJdkParsersDo() {
    List<String> shapes = List.of("2024-03-05T10:00:00Z", "2024-03-05T10:00Z", "2024-03-05T10:00:00.5Z",
        "2024-03-05T10:00:00.123456789Z", "2024-03-05T10:00:00+02:00", "2024-03-05T10:00:00-05:30",
        "2024-03-05T10:00:00-00:00", "2024-03-05T10:00:00", "2024-03-05T10:00", "2024-02-29T23:59:59.999+14:00",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
    for (String s : shapes) {
      assertEquals(jdk(s), IsoInstants.parse(s), s);
      assertEquals(jdk(s), Values.instant(s), s);
    }
  }

  @Test
  void anythingOutsideTheFastShapeOrImpossibleIsLeftToTheJdkParsers() {
    List<String> others = List.of("2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-03-05T24:00:00Z",
        "2024-03-05T10:60:00Z", "2024-03-05T10:00:60Z", "2024-03-05t10:00:00z", "2024-03-05T10:00:00+01:00:00",
        "2024-03-05T10:00:00+19:00", "2024-03-05T10:00:00.Z", "2024-03-05T10:00:00.1234567890Z",
        "+12024-03-05T10:00:00Z", "2024-03-05T10:00:00 Z", "2024-3-05T10:00:00Z", "2024-03-05T1a:00:00Z",
        "2024-03-05", "2024-03-05T10:00:00+0200");
    for (String s : others) assertNull(IsoInstants.parse(s), s);
    // The lower-case form is valid ISO-8601 and still read, by the fallback.
    assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Values.instant("2024-03-05t10:00:00z"));
  }

  @Test
  void randomInstantsPrintedByTheJdkReadBackUnchanged() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 2_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(60 * random.nextInt(-18 * 60, 18 * 60 + 1));
      String s = random.nextBoolean() ? t.toString() : OffsetDateTime.ofInstant(t, offset).toString();
      assertEquals(jdk(s), IsoInstants.parse(s), s);
    }
  }

  @Test
  void theDateFastPathReadsWhatLocalDateParseReadsAndLeavesImpossibleDatesToIt() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 2_000; i++) {
      java.time.LocalDate d = java.time.LocalDate.ofEpochDay(random.nextLong(-719_162, 2_932_896));
      assertEquals(d, IsoInstants.parseDate(d.toString()), d::toString);
      assertEquals(d, Values.date(d + "T10:00:00Z"), d::toString);
    }
    assertEquals(null, IsoInstants.parseDate("2024-02-30"));
    assertEquals(null, IsoInstants.parseDate("2024-2-03"));
    assertThrows(MappingException.class, () -> Values.date("2024-02-30"));
  }

  @Test
  void theCalendarArithmeticAgreesWithLocalDateOnEveryDayOfEveryFourDigitYear() {
    for (int year = 0; year <= 9_999; year++) {
      for (int month = 1; month <= 12; month++) {
        int length = java.time.YearMonth.of(year, month).lengthOfMonth();
        for (int day = 0; day <= 32; day++) {
          boolean real = day >= 1 && day <= length;
          // A message only on failure: four million checks.
          if (IsoInstants.isRealDate(year, month, day) != real) fail("isRealDate of " + year + "-" + month + "-" + day);
          if (real && java.time.LocalDate.of(year, month, day).toEpochDay() != IsoInstants.epochDay(year, month, day)) {
            fail("epochDay of " + year + "-" + month + "-" + day);
          }
        }
      }
      assertEquals(false, IsoInstants.isRealDate(year, 0, 1));
      assertEquals(false, IsoInstants.isRealDate(year, 13, 1));
    }
  }

  @Test
  void valuesInstantAnswersLikeTheJdkParsersOnMangledAndPaddedTimestamps() {
    // Valid timestamps with one to three characters replaced by ones that matter to the shape, some
    // padded with white space: Values.instant must read or refuse each exactly as the JDK does.
    SplittableRandom random = new SplittableRandom(17);
    String alphabet = "0123456789-:T.Z+ tz\t\u2003";
    for (int i = 0; i < 5_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(900 * random.nextInt(-72, 73));
      char[] chars = (random.nextBoolean() ? t.toString() : OffsetDateTime.ofInstant(t, offset).toString()).toCharArray();
      for (int k = random.nextInt(4); k > 0; k--) chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      String s = new String(chars);
      if (random.nextInt(8) == 0) s = " " + s;
      if (random.nextInt(8) == 0) s = s + "\n";
      String input = s;
      Instant expected = jdk(s.strip());
      if (expected == null) {
        assertThrows(MappingException.class, () -> Values.instant(input), input);
      } else {
        assertEquals(expected, Values.instant(input), input);
      }
    }
  }

}
