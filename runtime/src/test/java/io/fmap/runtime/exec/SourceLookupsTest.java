package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.source.InMemorySource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceLookupsTest {

  /** 25,000 companies: more than the 20,000 the lookups used to refuse (quarantining every contact that read one). */
  private static final int COMPANIES = 25_000;

  private final InMemorySource source = new InMemorySource(SourceLookupsTest::companies);
  private final SourceLookups lookups = new SourceLookups(source);

  @Test
  void readsAFieldOfAnyRecordOfAnObjectLargerThanTheOldCap() {
    assertEquals("Company 0", lookups.field(new SourceRef("Company", "cmp-0"), "name"));
    assertEquals("Company 24999", lookups.field(new SourceRef("Company", "cmp-24999"), "name"));
    assertEquals("Company 20001", lookups.field(new SourceRef("Company", "cmp-20001"), "name"));
  }

  @Test
  void streamsAnObjectOncePerFieldReadNotOncePerRecord() {
    for (int i = 0; i < 1000; i++) lookups.field(new SourceRef("Company", "cmp-" + i), "name");
    lookups.field(new SourceRef("Company", "cmp-7"), "city");
    assertEquals(List.of("Company", "Company"), source.reads);
  }

  @Test
  void aMissingRecordAndANullFieldAreBothNull() {
    assertNull(lookups.field(new SourceRef("Company", "cmp-missing"), "name"));
    assertNull(lookups.field(new SourceRef("Company", "cmp-3"), "city"), "odd companies have no city");
    assertEquals("Lyon", lookups.field(new SourceRef("Company", "cmp-4"), "city"));
  }

  /** Companies whose even-numbered records have a city. */
  private static List<SourceRecord> companies(String object) {
    return IntStream.range(0, COMPANIES).mapToObj(i -> {
      Map<String, Object> fields = new HashMap<>();
      fields.put("id", "cmp-" + i);
      fields.put("name", "Company " + i);
      fields.put("city", i % 2 == 0 ? "Lyon" : null);
      return new SourceRecord(object, "cmp-" + i, fields);
    }).toList();
  }
}
