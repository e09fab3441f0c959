package io.fmap.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.MappingError;
import io.fmap.runtime.api.MappingException;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StdTest {

  private static void assertInvalid(Executable call, String messagePart) {
    MappingException e = assertThrows(MappingException.class, call);
    assertEquals(MappingError.Code.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @Nested
  class Text {
    @Test
    void trimStripsUnicodeSpaceAndKeepsNull() {
      assertEquals("Acme", Std.trim("\u2003 Acme \t\n"));
      assertNull(Std.trim(null));
    }

    @Test
    void caseChangesIgnoreTheMachineLocale() {
      Locale previous = Locale.getDefault();
      try {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        assertEquals("title", Std.lower("TITLE"));
        assertEquals("TITLE", Std.upper("title"));
      } finally {
        Locale.setDefault(previous);
      }
      assertNull(Std.lower(null));
      assertNull(Std.upper(null));
    }

    @Test
    void concatSkipsNullsAndIsNullOnlyWhenAllAre() {
      assertEquals("Jane Doe", Std.concat("Jane", null, " ", "Doe"));
      assertNull(Std.concat(null, null));
      assertNull(Std.concat());
    }

    @Test
    void truncateCutsAtTheLimitButNeverInsideAnEmoji() {
      assertEquals("abc", Std.truncate("abcdef", 3L));
      assertEquals("ab", Std.truncate("ab\uD83D\uDE00", 3L), "half an emoji is dropped");
      assertEquals("ab\uD83D\uDE00", Std.truncate("ab\uD83D\uDE00", 4L));
      assertEquals("", Std.truncate("abc", 0L));
      assertEquals("short", Std.truncate("short", 100L));
      assertEquals("abc", Std.truncate("abc", null));
      assertNull(Std.truncate(null, 3L));
      assertInvalid(() -> Std.truncate("abc", -1L), "0 or more");
    }

    @Test
    void coalesceSkipsNullAndBlank() {
      assertEquals("b", Std.coalesce(null, "  ", "", "b", "c"));
      assertNull(Std.coalesce(null, " "));
    }

    @Test
    void replaceIsLiteralNotARegularExpression() {
      assertEquals("1-2-3", Std.replace("1.2.3", ".", "-"));
      assertEquals("a$b", Std.replace("a\\b", "\\", "$"));
      assertEquals("ab", Std.replace("a--b", "--", null));
      assertEquals("abc", Std.replace("abc", "", "x"));
      assertNull(Std.replace(null, "a", "b"));
    }

    @Test
    void splitTrimsAndDropsEmptyParts() {
      assertEquals(List.of("a", "b", "c"), Std.split("a; b;;c; ", ";"));
      assertEquals(List.of("a b"), Std.split(" a b ", ""));
      assertEquals(List.of("x", "y"), Std.split("x::y", "::"));
      assertEquals(List.of(), Std.split(null, ";"));
      assertEquals(List.of(), Std.split("  ", ";"));
    }

    @Test
    void joinSkipsBlankItems() {
      assertEquals("a, c", Std.join(Arrays.asList("a", null, " ", "c"), ", "));
      assertNull(Std.join(List.of(" "), ","));
      assertNull(Std.join(null, ","));
    }
  }

  @Nested
  class DatesAndTimes {
    private final MappingContext march10 = contextAt(Instant.parse("2024-03-10T23:30:00Z"));

    @Test
    void parseDateReadsIsoAndTheDatePartOfADateTime() {
      assertEquals(LocalDate.of(2024, 3, 5), Std.parseDate("2024-03-05"));
      assertEquals(LocalDate.of(2024, 3, 5), Std.parseDate(" 2024-03-05T23:59:00+05:00 "));
      assertNull(Std.parseDate(null));
      assertNull(Std.parseDate(" "));
      assertInvalid(() -> Std.parseDate("05.03.2024"), "'05.03.2024' is not a date");
    }

    @Test
    void parseDateWithAFormatIsStrict() {
      assertEquals(LocalDate.of(2024, 2, 29), Std.parseDate("29/02/2024", "dd/MM/yyyy"));
      assertInvalid(() -> Std.parseDate("31/02/2024", "dd/MM/yyyy"), "in the format dd/MM/yyyy");
      assertInvalid(() -> Std.parseDate("29/02/2023", "dd/MM/yyyy"), "is not a date");
      assertEquals(LocalDate.of(2024, 1, 7), Std.parseDate("Jan 7 '24", "MMM d ''yy"));
      assertInvalid(() -> Std.parseDate("2024", "qqqqqqq"), "is not a date format");
    }

    @Test
    void parseDatetimeTakesUtcWhenNoOffsetIsGiven() {
      assertEquals(Instant.parse("2024-03-05T08:00:00Z"), Std.parseDatetime("2024-03-05T10:00:00+02:00"));
      assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Std.parseDatetime("2024-03-05T10:00:00"));
      assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Std.parseDatetime("2024-03-05 10:00"));
      assertEquals(Instant.parse("2024-03-05T00:00:00Z"), Std.parseDatetime("2024-03-05"));
      assertNull(Std.parseDatetime(""));
      assertInvalid(() -> Std.parseDatetime("yesterday"), "is not a date and time");
    }

    @Test
    void parseDatetimeWithAFormatHonoursAnOffsetInTheText() {
      assertEquals(Instant.parse("2024-03-05T14:30:00Z"), Std.parseDatetime("05.03.2024 14:30", "dd.MM.yyyy HH:mm"));
      assertEquals(Instant.parse("2024-03-05T13:30:00Z"),
          Std.parseDatetime("05.03.2024 14:30 +01:00", "dd.MM.yyyy HH:mm XXX"));
      assertEquals(Instant.parse("2024-03-05T00:00:00Z"), Std.parseDatetime("05.03.2024", "dd.MM.yyyy"));
      assertInvalid(() -> Std.parseDatetime("05.03.2024 25:00", "dd.MM.yyyy HH:mm"), "in the format");
    }

    @Test
    void toUtcConvertsWallClockTimeInAZone() {
      assertEquals(Instant.parse("2024-01-15T14:30:00Z"), Std.toUtc("2024-01-15T09:30", "America/New_York"));
      assertEquals(Instant.parse("2024-07-15T13:30:00Z"), Std.toUtc("2024-07-15 09:30", "America/New_York"));
      assertEquals(Instant.parse("2024-07-15T07:30:00Z"), Std.toUtc("15/07/2024 09:30", "dd/MM/yyyy HH:mm", "Europe/Berlin"));
      assertNull(Std.toUtc(null, "Europe/Berlin"));
    }

    @Test
    void toUtcMovesAGapTimeForwardAndTakesTheEarlierOverlapInstant() {
      // 2024-03-10 02:30 does not exist in New York (clocks jump 02:00 -> 03:00): read as 03:30 EDT.
      assertEquals(Instant.parse("2024-03-10T07:30:00Z"), Std.toUtc("2024-03-10T02:30", "America/New_York"));
      // 2024-11-03 01:30 happens twice: the first one, still EDT (-04:00).
      assertEquals(Instant.parse("2024-11-03T05:30:00Z"), Std.toUtc("2024-11-03T01:30", "America/New_York"));
    }

    @Test
    void toUtcRejectsAnUnknownZoneOrTime() {
      assertInvalid(() -> Std.toUtc("2024-01-15T09:30", "Mars/Olympus"), "is not a time zone");
      assertInvalid(() -> Std.toUtc("noon", "Europe/Berlin"), "'noon' is not a date and time");
    }

    @Test
    void todayAndDaysSinceReadTheRunsClock() {
      assertEquals(LocalDate.of(2024, 3, 10), Std.today(march10));
      assertEquals(9L, Std.daysSince(march10, LocalDate.of(2024, 3, 1)));
      assertEquals(0L, Std.daysSince(march10, Instant.parse("2024-03-10T00:00:01Z")));
      assertEquals(-1L, Std.daysSince(march10, LocalDate.of(2024, 3, 11)));
      assertEquals(366L, Std.daysSince(march10, LocalDate.of(2023, 3, 10)), "2024 is a leap year");
      assertNull(Std.daysSince(march10, (Instant) null));
      assertNull(Std.daysSince(march10, (LocalDate) null));
    }
  }

  @Nested
  class NumbersInLocales {
    @Test
    void plainDecimalsUseADot() {
      assertEquals(new BigDecimal("-1234.50"), Std.parseDecimal(" -1234.50 "));
      assertEquals(new BigDecimal("12"), Std.parseDecimal("+12"));
      assertEquals(new BigDecimal("1E+3"), Std.parseDecimal("1e3"));
      assertNull(Std.parseDecimal(""));
      assertInvalid(() -> Std.parseDecimal("1,5"), "'1,5' is not a number");
    }

    @Test
    void germanUsesCommaForDecimalsAndDotForThousands() {
      assertEquals(new BigDecimal("1234.56"), Std.parseDecimal("1.234,56", "de-DE"));
      assertEquals(new BigDecimal("-0.5"), Std.parseDecimal("-0,5", "de-DE"));
      assertInvalid(() -> Std.parseDecimal("1,234.56", "de-DE"), "in locale de-DE");
    }

    @Test
    void frenchAcceptsAnyKindOfSpaceForGrouping() {
      BigDecimal expected = new BigDecimal("1234567.8");
      assertEquals(expected, Std.parseDecimal("1 234 567,8", "fr-FR"));
      assertEquals(expected, Std.parseDecimal("1\u00A0234\u00A0567,8", "fr-FR"));
      assertEquals(expected, Std.parseDecimal("1\u202F234\u202F567,8", "fr-FR"));
    }

    @Test
    void englishAndSwissSpellings() {
      assertEquals(new BigDecimal("1234.56"), Std.parseDecimal("1,234.56", "en-US"));
      assertEquals(new BigDecimal("1234.5"), Std.parseDecimal("1'234.50", "de-CH").stripTrailingZeros());
      assertEquals(new BigDecimal("-3"), Std.parseDecimal("\u22123", "en-US"));
    }

    @Test
    void trailingGarbageIsAnErrorNotIgnored() {
      assertInvalid(() -> Std.parseDecimal("12abc", "en-US"), "'12abc'");
      assertInvalid(() -> Std.parseDecimal("12", "not a locale!"), "is not a locale");
    }

    @Test
    void parseIntRejectsFractions() {
      assertEquals(1234L, Std.parseInt("1.234", "de-DE"));
      assertEquals(12L, Std.parseInt("12.0"));
      assertInvalid(() -> Std.parseInt("12.5"), "not a whole number");
      assertInvalid(() -> Std.parseInt("99999999999999999999"), "not a whole number");
      assertNull(Std.parseInt(null, "de-DE"));
    }
  }

  @Nested
  class HtmlText {
    @Test
    void htmlEscapeCoversTheFiveSpecialCharacters() {
      assertEquals("&lt;b&gt;Tom &amp; &quot;Jerry&quot; &#39;s&lt;/b&gt;", Std.htmlEscape("<b>Tom & \"Jerry\" 's</b>"));
      assertNull(Std.htmlEscape(null));
    }

    @Test
    void textToHtmlEscapesAndKeepsLineStructure() {
      assertEquals("<p>Call &lt;Bob&gt;<br>re: A&amp;B</p><p>Next week</p>",
          Std.textToHtml("Call <Bob>\r\nre: A&B\r\n\r\n  \nNext week\n"));
      assertEquals("", Std.textToHtml("  \n "));
      assertNull(Std.textToHtml(null));
    }

    @Test
    void stripHtmlRemovesScriptAndStyleContentsWhole() {
      assertEquals("Hello world",
          Std.stripHtml("<p>Hello <script type=\"text/javascript\">alert('x<y>')</script>world"
              + "<style>p{color:red}</style></p>"));
      assertEquals("before", Std.stripHtml("before<SCRIPT>never closed"));
    }

    @Test
    void stripHtmlKeepsLinesAndParagraphsAndDecodesEntities() {
      assertEquals("Dear Tom & Jerry,\n\nLine 1\nLine 2\n\n5 < 6 \u00E9 \uD83D\uDE00",
          Std.stripHtml("<html><head><title>T</title></head><body><p>Dear   Tom &amp; Jerry,</p>"
              + "<p>Line 1<br/>Line\n 2</p><div>5 &lt; 6 &#233; &#x1F600;</div></body></html>"));
      assertEquals("a &bogus; b", Std.stripHtml("a &bogus; b"));
      assertEquals("x", Std.stripHtml("x<unclosed"));
      assertNull(Std.stripHtml(null));
    }

    /**
     * A megabyte of hostile markup: many invisible elements (each used to lower-case the whole input
     * again: about 70,000 copies of a megabyte), a flood of {@code <}, unclosed comments and tags.
     * Linear scanning takes milliseconds; the limit is generous so a loaded machine never trips it.
     */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void stripHtmlReadsAMegabyteOfHostileMarkupInLinearTime() {
      int size = 1 << 20;
      assertEquals("end", Std.stripHtml("<style></style>".repeat(size / 15) + "end"));
      assertEquals("x", Std.stripHtml("x" + "<".repeat(size)));
      assertEquals("x", Std.stripHtml("x" + "<!--".repeat(size / 4)));
      assertEquals("x", Std.stripHtml("x" + "<a".repeat(size / 2)));
      assertEquals("", Std.stripHtml("<script>".repeat(size / 8)));
      assertEquals("x & y", Std.stripHtml("x " + "&".repeat(size) + " y").replaceAll("&+", "&"));
    }

    /** A character that lower-cases to two (the dotted capital I) before a script shifts nothing. */
    @Test
    void stripHtmlFindsTheEndOfAScriptAfterCharactersThatLowerCaseLonger() {
      assertEquals("\u0130\u0130\u0130\u0130\u0130\u0130\u0130\u0130\u0130\u0130 visible bold",
          Std.stripHtml("\u0130".repeat(10) + " <script>s</script>visible <b>bold</b>"));
    }

    @Test
    void stripHtmlDropsCommentsEvenWithMarkupInside() {
      assertEquals("ab", Std.stripHtml("a<!-- <b>hidden</b> -->b"));
      assertEquals("a", Std.stripHtml("a<!-- never closed"));
    }
  }

  @Nested
  class NamesForOtherSystems {
    @Test
    void forbiddenFileNameCharactersBecomeUnderscores() {
      assertEquals("Q1_ report _final_.pdf", Std.sanitizeFilename("Q1: report <final>.pdf"));
      assertEquals("a_b_c_d", Std.sanitizeFilename("a/b\\c\u0007d"));
    }

    @Test
    void windowsReservedNamesGetAPrefixWithOrWithoutExtension() {
      assertEquals("_CON", Std.sanitizeFilename("CON"));
      assertEquals("_nul.txt", Std.sanitizeFilename("nul.txt"));
      assertEquals("_com1.tar.gz", Std.sanitizeFilename("com1.tar.gz"));
      assertEquals("_LPT9", Std.sanitizeFilename("LPT9"));
      assertEquals("CONSOLE.txt", Std.sanitizeFilename("CONSOLE.txt"), "only the exact device names");
      assertEquals("COM10", Std.sanitizeFilename("COM10"));
    }

    @Test
    void trailingDotsAndSpacesGoAndEmptyBecomesUnnamed() {
      assertEquals("report", Std.sanitizeFilename(" report. . "));
      assertEquals("unnamed", Std.sanitizeFilename(" ... "));
      assertNull(Std.sanitizeFilename(null));
    }

    @Test
    void longFileNamesKeepTheirExtension() {
      String sanitized = Std.sanitizeFilename("x".repeat(300) + ".docx");
      assertEquals(255, sanitized.length());
      assertTrue(sanitized.endsWith("x.docx"));
    }

    @Test
    void processNamesAreSchemaSafe() {
      assertEquals("sales_pipeline_europe", Std.sanitizeProcessName(" Sales Pipeline – Europe! "));
      assertEquals("entree_creme", Std.sanitizeProcessName("Entrée Crème"));
      assertEquals("p_2024_deals", Std.sanitizeProcessName("2024 deals"));
      assertNull(Std.sanitizeProcessName("!!!"));
      String longName = Std.sanitizeProcessName("word ".repeat(30));
      assertTrue(longName.length() <= 50 && !longName.endsWith("_"), longName);
    }
  }

  @Nested
  class ContactData {
    @Test
    void emailsAreExtractedAndLowerCased() {
      assertEquals("jane@example.com", Std.emailNormalize(" Jane Doe <Jane@Example.COM> "));
      assertEquals("bob@example.org", Std.emailNormalize("mailto:Bob@example.org"));
      assertEquals("a.b+tag@sub.example.co.uk", Std.emailNormalize("A.B+tag@sub.example.co.uk"));
    }

    @Test
    void whatIsNotAnEmailBecomesNull() {
      assertNull(Std.emailNormalize("n/a"));
      assertNull(Std.emailNormalize("jane@localhost"));
      assertNull(Std.emailNormalize("a@b@c.com"));
      assertNull(Std.emailNormalize("jane doe@example.com"));
      assertNull(Std.emailNormalize(""));
      assertNull(Std.emailNormalize(null));
    }

    @Test
    void phonesKeepDigitsAPlusAndAnExtension() {
      assertEquals("+14155550100", Std.phoneNormalize("+1 (415) 555-0100"));
      assertEquals("+442079460018", Std.phoneNormalize("0044 20 7946 0018"));
      assertEquals("4155550100 x12", Std.phoneNormalize("(415) 555.0100 ext. 12"));
      assertEquals("+14155550100 x7", Std.phoneNormalize("+1 415 555 0100 x7"));
      assertNull(Std.phoneNormalize("n/a"));
      assertNull(Std.phoneNormalize(null));
    }

    @Test
    void aLeadingDoubleZeroIsAPlusOnlyOnNationalNumbersAndNoDigitsIsNoNumber() {
      assertEquals("+12", Std.phoneNormalize("00 12"));
      assertEquals("+0012", Std.phoneNormalize("+00 12"), "after a plus, zeros are digits");
      assertEquals("+1 x5", Std.phoneNormalize("001 ext 5"));
      assertEquals("0", Std.phoneNormalize("0"));
      assertNull(Std.phoneNormalize("00"));
      assertNull(Std.phoneNormalize("+"));
      assertNull(Std.phoneNormalize("- ( )"));
      assertEquals("+12", Std.phoneNormalize("0012", "44"), "a double zero is already international");
    }

    @Test
    void nationalNumbersTakeTheCountryCodeWithoutTheTrunkZero() {
      assertEquals("+442079460018", Std.phoneNormalize("020 7946 0018", "+44"));
      assertEquals("+4930123456", Std.phoneNormalize("030/123456", "49"));
      assertEquals("+33123456789", Std.phoneNormalize("+33 1 23 45 67 89", "49"), "already international");
      assertEquals("0301234", Std.phoneNormalize("030 1234", ""), "no usable country code");
    }
  }

  static MappingContext contextAt(Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return new MappingContext() {
      @Override public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) { return Optional.empty(); }
      @Override public Object sourceField(SourceRef source, String field) { return null; }
      @Override public Optional<TargetRef> owner(String email) { return Optional.empty(); }
      @Override public Object param(String name) { throw new IllegalArgumentException(name); }
      @Override public Clock clock() { return clock; }
    };
  }
}
