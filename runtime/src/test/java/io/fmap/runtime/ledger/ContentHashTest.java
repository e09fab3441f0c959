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

  /**
   * Hashes in existing ledgers were made from Jackson's text: the direct writer must spell every
   * value the same, or a delta after an upgrade would see every row as changed.
   */
  @Test
  void canonicalJsonIsTheTextJacksonWroteForTheSameTree() throws Exception {
    Map<String, Object> row = new LinkedHashMap<>();
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) controls.append(c);
    row.put("controls", controls + "\u007f");
    row.put("quotes", "say \"hi\" \\ back/slash");
    row.put("unicode", "Müller – 東京 😀 \u2028");
    row.put("numbers", List.of(new BigDecimal("0.0000001"), new BigDecimal("-0.00"), new BigDecimal("12.3400"),
        new BigDecimal("1E+5"), 7, -8L, true));
    row.put("nested", Map.of("b", List.of(Map.of("y", "1", "x", false)), "a", new HashMap<>()));
    row.put("when", LocalDate.of(2026, 2, 28));
    row.put("", null);
    assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(jacksonTree(row)),
        ContentHash.canonicalJson(row));
  }

  /** The tree the ledger gave Jackson before it wrote the text itself. */
  private static Object jacksonTree(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Integer) {
      return value;
    }
    if (value instanceof BigDecimal number) return new BigDecimal(number.stripTrailingZeros().toPlainString());
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new java.util.TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), jacksonTree(v)));
      return sorted;
    }
    if (value instanceof List<?> list) return list.stream().map(ContentHashTest::jacksonTree).toList();
    return value.toString();
  }
}
