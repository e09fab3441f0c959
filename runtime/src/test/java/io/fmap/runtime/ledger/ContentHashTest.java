package io.fmap.runtime.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  @Test
  void canonicalJsonSortsKeysAtEveryLevelAndKeepsNulls() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("lastname", "Lopez");
    row.put("address", new LinkedHashMap<>(Map.of("zip", "08001", "city", "Barcelona")));
    row.put("fax", null);
    row.put("options", List.of(3, 1));
    assertEquals("{\"address\":{\"city\":\"Barcelona\",\"zip\":\"08001\"},\"fax\":null,\"lastname\":\"Lopez\","
        + "\"options\":[3,1]}", ContentHash.canonicalJson(row));
  }

  @Test
  void numbersDatesAndInstantsHaveOneSpellingEach() {
    assertEquals("{\"amount\":1.5,\"big\":1000,\"closes\":\"2026-12-31\",\"seen\":\"2026-11-29T08:00:00Z\"}",
        ContentHash.canonicalJson(Map.of("amount", new BigDecimal("1.50"), "big", new BigDecimal("1.000E+3"),
            "closes", LocalDate.of(2026, 12, 31), "seen", Instant.parse("2026-11-29T08:00:00Z"))));
  }

  @Test
  void theHashDependsOnContentNotOnOrder() {
    Map<String, Object> one = new HashMap<>(Map.of("a", 1L, "b", "x"));
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("b", "x");
    other.put("a", 1L);
    assertEquals(ContentHash.of(one), ContentHash.of(other));
    assertTrue(ContentHash.of(one).matches("sha256:[0-9a-f]{64}"));
    assertNotEquals(ContentHash.of(one), ContentHash.of(Map.of("a", 2L, "b", "x")));
    Map<String, Object> cleared = new HashMap<>(one);
    cleared.put("c", null);
    assertNotEquals(ContentHash.of(one), ContentHash.of(cleared), "a cleared column is a change");
  }
}
