package io.fmap.cli;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.exec.LoadProgress;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.schema.SystemSchema;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A source that tells {@code progress} about each record as it is read: how the read-only verbs
 * (preflight, reconcile) show how far they are without the runtime knowing about progress at all.
 * Only the first read of each object counts: the verbs read an object once in full, and a later
 * read of it is a lookup ({@code ref(spark.Company, parent_id).name} reads Company again), which
 * would otherwise count its records twice. Closing it closes the source it wraps.
 */
final class CountingSource implements SourceConnector {
  private final SourceConnector source;
  private final LoadProgress progress;
  private final java.util.Set<String> counted = java.util.concurrent.ConcurrentHashMap.newKeySet();

  CountingSource(SourceConnector source, LoadProgress progress) {
    this.source = source;
    this.progress = progress;
  }

  @Override
  public SystemSchema schema() {
    return source.schema();
  }

  @Override
  public Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine) {
    Stream<SourceRecord> records = source.records(object, updatedSince, quarantine);
    return counted.add(object) ? records.peek(r -> progress.settled(object, 1)) : records;
  }

  @Override
  public long count(String object, Instant updatedSince) {
    return source.count(object, updatedSince);
  }

  @Override
  public InputStream openFile(String fileId) {
    return source.openFile(fileId);
  }

  @Override
  public void close() {
    source.close();
  }
}
