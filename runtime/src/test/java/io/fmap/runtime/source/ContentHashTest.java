package io.fmap.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fmap.runtime.api.SourceRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  static SourceRecord record(Object... kv) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) fields.put((String) kv[i], kv[i + 1]);
    return new SourceRecord("Contact", "con-1", fields);
  }

  @Test
  void fieldOrderDoesNotChangeTheHash() {
    assertEquals(ContentHash.of(record("id", "con-1", "name", "Ana", "tags", List.of("a", "b"))),
        ContentHash.of(record("tags", List.of("a", "b"), "name", "Ana", "id", "con-1")));
  }

  @Test
  void theSpellingOfANumberDoesNotChangeTheHash() {
    assertEquals(ContentHash.of(record("amount", new BigDecimal("1.50"))), ContentHash.of(record("amount", new BigDecimal("1.5"))));
    assertEquals(ContentHash.of(record("n", 2L)), ContentHash.of(record("n", new BigDecimal("2.00"))));
  }

  @Test
  void anAbsentFieldAndANullFieldHashAlike() {
    assertEquals(ContentHash.of(record("name", "Ana")), ContentHash.of(record("name", "Ana", "phone", null)));
  }

  @Test
  void anyChangedValueChangesTheHash() {
    String base = ContentHash.of(record("name", "Ana", "tags", List.of("a", "b"), "active", true));
    assertNotEquals(base, ContentHash.of(record("name", "Ana ", "tags", List.of("a", "b"), "active", true)));
    assertNotEquals(base, ContentHash.of(record("name", "Ana", "tags", List.of("b", "a"), "active", true)));
    assertNotEquals(base, ContentHash.of(record("name", "Ana", "tags", List.of("a", "b"), "active", false)));
    assertNotEquals(ContentHash.of(record("n", "1")), ContentHash.of(record("n", 1L)), "text 1 is not number 1");
  }

  @Test
  void textCannotImitateTheStructureAroundIt() {
    assertNotEquals(ContentHash.of(record("a", "x", "b", "y")), ContentHash.of(record("a", "x\"1:b:\"1:y")));
  }
}
