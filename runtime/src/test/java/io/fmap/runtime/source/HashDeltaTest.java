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
  void newChangedUnchangedAndMissingRecordsAreToldApart() {
    Map<String, String> previous = Map.of(
        "c1", ContentHash.of(contact("c1", "Ana")),
        "c2", ContentHash.of(contact("c2", "Ben")),
        "c3", ContentHash.of(contact("c3", "Cara")));
    HashDelta delta = new HashDelta(previous);
    assertTrue(delta.consider(contact("c1", "Ana")).isEmpty(), "unchanged");
    HashDelta.Change changed = delta.consider(contact("c2", "Benjamin")).orElseThrow();
    assertEquals(HashDelta.Kind.CHANGED, changed.kind());
    assertEquals(ContentHash.of(contact("c2", "Benjamin")), changed.hash());
    assertEquals(HashDelta.Kind.NEW, delta.consider(contact("c4", "Dan")).orElseThrow().kind());
    assertEquals(Set.of("c3"), delta.missing());
  }
}
