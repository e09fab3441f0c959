package io.fmap.runtime.exec.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataverseValuesTest {

  @Test
  void aGuidReadBackInUpperCaseIsTheSameGuid() {
    String guid = "340451f1-5f90-3c0f-99f2-1385ce76336c";
    assertEquals(guid, DataverseValues.readBack(guid.toUpperCase(), guid));
  }

  @Test
  void decimalsCompareByValueNotByScale() {
    assertEquals(DataverseValues.of(new BigDecimal("12.50")), DataverseValues.readBack(12.5, new BigDecimal("12.50")));
    assertEquals("3", DataverseValues.readBack("3.0000", 3L));
    assertEquals("0", DataverseValues.of(new BigDecimal("0.00")));
  }

  @Test
  void aDateReadBackWithATimeIsTheDateAndAnInstantIsComparedInUtc() {
    assertEquals("2024-02-29", DataverseValues.readBack("2024-02-29T00:00:00Z", LocalDate.of(2024, 2, 29)));
    Instant at = Instant.parse("2024-02-29T10:15:00Z");
    assertEquals(at.toString(), DataverseValues.readBack("2024-02-29T12:15:00+02:00", at));
  }

  @Test
  void severalOptionsCompareAsASortedListAndAnEmptyStringIsAbsent() {
    assertEquals("1,3", DataverseValues.readBack("3,1", List.of(1, 3)));
    assertEquals(DataverseValues.of(List.of(3, 1)), DataverseValues.readBack("1,3", List.of(3, 1)));
    assertNull(DataverseValues.readBack("", "x"));
  }

  @Test
  void aTextThatLooksLikeANumberKeepsItsLeadingZeros() {
    assertEquals("0123", DataverseValues.readBack("0123", "0123"));
  }
}
