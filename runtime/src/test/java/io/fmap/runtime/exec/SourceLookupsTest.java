package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.schema.SystemSchema;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SourceLookupsTest {

  /** 25,000 companies: more than the 20,000 the lookups used to refuse (quarantining every contact that read one). */
  private static final int COMPANIES = 25_000;

  private final Companies source = new Companies();
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

  /** Companies whose even-numbered records have a city; records what it was asked to stream. */
  private static final class Companies implements SourceConnector {
    final List<String> reads = new ArrayList<>();

    @Override public SystemSchema schema() { throw new UnsupportedOperationException("lookups read records only"); }

    @Override
    public synchronized Stream<SourceRecord> records(String object, Instant updatedSince,
        Consumer<MalformedRecord> quarantine) {
      reads.add(object);
      return IntStream.range(0, COMPANIES).mapToObj(i -> {
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", "cmp-" + i);
        fields.put("name", "Company " + i);
        fields.put("city", i % 2 == 0 ? "Lyon" : null);
        return new SourceRecord(object, "cmp-" + i, fields);
      });
    }

    @Override public long count(String object, Instant updatedSince) { return COMPANIES; }

    @Override public InputStream openFile(String fileId) { throw new UnsupportedOperationException("no files"); }

    @Override public void close() { }
  }
}
