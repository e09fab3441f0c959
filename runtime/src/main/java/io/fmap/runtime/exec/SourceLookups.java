package io.fmap.runtime.exec;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.source.SourceConnector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Values of other source records by id, for {@code ref(OBJECT, id).field} in a mapping.
 *
 * <p>The source reads whole objects only, so the first read of a field of an object streams that
 * object once and keeps, per record, only that field's value, and only when it is not null: the
 * standard set's contacts read {@code ref(spark.Company, primary_company_id).name}, so what stays
 * is each company's id and name (about 150 bytes a record with {@code HashMap} and two short
 * strings), not whole company records. Every record is kept, however many the object has: a cap
 * would make a large export quarantine valid records. A second field of the same object is a
 * second read of it, which only a plan reading several fields through {@code ref} pays.
 */
public final class SourceLookups {
  private final SourceConnector source;
  private final Map<ObjectField, Map<String, Object>> values = new ConcurrentHashMap<>();

  public SourceLookups(SourceConnector source) {
    this.source = source;
  }

  /** The value of {@code field} in the record {@code ref}; null when the field is null or there is no such record. */
  public Object field(SourceRef ref, String field) {
    return values.computeIfAbsent(new ObjectField(ref.object(), field), this::load).get(ref.id());
  }

  private Map<String, Object> load(ObjectField key) {
    Map<String, Object> byId = new HashMap<>();
    try (Stream<SourceRecord> stream = source.records(key.object(), null, malformed -> { })) {
      stream.forEach(r -> {
        Object value = r.get(key.field());
        if (value != null) byId.put(r.id(), value);
      });
    }
    return byId;
  }

  private record ObjectField(String object, String field) {}
}
