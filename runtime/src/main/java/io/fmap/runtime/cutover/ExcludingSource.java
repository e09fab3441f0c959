package io.fmap.runtime.cutover;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceConnector;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The source as a delta's load sees it: records whose target row changed since fmap's last write are
 * held back (policies {@code target-wins} and {@code report}), so the executor never overwrites them.
 *
 * @param held source object → ids held back
 */
record ExcludingSource(SourceConnector source, Map<String, Set<String>> held) implements SourceConnector {

  @Override
  public io.fmap.schema.SystemSchema schema() {
    return source.schema();
  }

  @Override
  public java.io.InputStream openFile(String fileId) {
    return source.openFile(fileId);
  }

  @Override
  public Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine) {
    Set<String> ids = held.getOrDefault(object, Set.of());
    Stream<SourceRecord> records = source.records(object, updatedSince, quarantine);
    return ids.isEmpty() ? records : records.filter(r -> !ids.contains(r.id()));
  }

  @Override
  public long count(String object, Instant updatedSince) {
    try (Stream<SourceRecord> records = records(object, updatedSince, bad -> { })) {
      return records.count();
    }
  }

  @Override
  public void close() {
    // the caller owns the wrapped source
  }
}
