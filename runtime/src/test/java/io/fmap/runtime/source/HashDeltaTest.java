package io.fmap.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.SourceRecord;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashDeltaTest {
  static SourceRecord contact(String id, String name) {
    return new SourceRecord("Contact", id, Map.of("id", id, "name", name));
  }

  @Test
  void aRecordReadAgainInAnotherFieldOrderOrNumberSpellingIsUnchanged() {
    java.util.Map<String, Object> a = new java.util.LinkedHashMap<>();
    a.put("id", "d1");
    a.put("amount", new java.math.BigDecimal("10.50"));
    java.util.Map<String, Object> b = new java.util.LinkedHashMap<>();
    b.put("amount", new java.math.BigDecimal("10.5"));
    b.put("id", "d1");
    HashDelta delta = new HashDelta(Map.of("d1", HashDelta.of(new SourceRecord("Deal", "d1", a))));
    assertTrue(delta.consider(new SourceRecord("Deal", "d1", b)).isEmpty());
  }

  @Test
  void newChangedUnchangedAndMissingRecordsAreToldApart() {
    Map<String, String> previous = Map.of(
        "c1", HashDelta.of(contact("c1", "Ana")),
        "c2", HashDelta.of(contact("c2", "Ben")),
        "c3", HashDelta.of(contact("c3", "Cara")));
    HashDelta delta = new HashDelta(previous);
    assertTrue(delta.consider(contact("c1", "Ana")).isEmpty(), "unchanged");
    HashDelta.Change changed = delta.consider(contact("c2", "Benjamin")).orElseThrow();
    assertEquals(HashDelta.Kind.CHANGED, changed.kind());
    assertEquals(HashDelta.of(contact("c2", "Benjamin")), changed.hash());
    assertEquals(HashDelta.Kind.NEW, delta.consider(contact("c4", "Dan")).orElseThrow().kind());
    assertEquals(Set.of("c3"), delta.missing());
  }
}
