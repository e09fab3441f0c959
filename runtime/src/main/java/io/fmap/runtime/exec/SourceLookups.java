package io.fmap.runtime.exec;

import io.fmap.runtime.api.MappingError;
import io.fmap.runtime.api.MappingException;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.source.SourceConnector;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Other source records by id, for {@code ref(OBJECT, field).name} in a mapping. The source reads
 * whole objects only, so an object is read once, on first use, and kept — only objects up to
 * {@code maxRecords} (users, pipelines, stages: the small ones mappings read through); asking for
 * a larger one is a mapping error naming the limit, never an unbounded memory cost.
 */
public final class SourceLookups {
  private final SourceConnector source;
  private final int maxRecords;
  private final Map<String, Map<String, SourceRecord>> byObject = new ConcurrentHashMap<>();

  public SourceLookups(SourceConnector source, int maxRecords) {
    this.source = source;
    this.maxRecords = maxRecords;
  }

  public Optional<SourceRecord> find(SourceRef ref) {
    return Optional.ofNullable(byObject.computeIfAbsent(ref.object(), this::load).get(ref.id()));
  }

  private Map<String, SourceRecord> load(String object) {
    long count = source.count(object, null);
    if (count > maxRecords) {
      throw new MappingException(MappingError.Code.FAILED, "a mapping reads fields of " + object
          + " records through ref(...), but " + object + " has " + count + " records (at most " + maxRecords
          + " are kept for that); map the value from the record's own fields instead");
    }
    Map<String, SourceRecord> records = new HashMap<>();
    try (Stream<SourceRecord> stream = source.records(object, null, malformed -> { })) {
      stream.forEach(r -> records.put(r.id(), r));
    }
    return records;
  }
}
