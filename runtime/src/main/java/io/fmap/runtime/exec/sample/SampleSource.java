package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.schema.SystemSchema;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The source as a sample run sees it: only the selected records. The executor runs unchanged over
 * it (mode SAMPLE), so the sample is loaded exactly as the full run will load those records, by the
 * same upsert keys: rerunning a sample, or the full run after it, updates those rows.
 */
public final class SampleSource implements SourceConnector {
  private final SourceConnector source;
  private final SampleSelection selection;

  public SampleSource(SourceConnector source, SampleSelection selection) {
    this.source = source;
    this.selection = selection;
  }

  @Override
  public SystemSchema schema() {
    return source.schema();
  }

  @Override
  public Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine) {
    return source.records(object, updatedSince, quarantine).filter(r -> selection.contains(SourceRef.of(r)));
  }

  @Override
  public long count(String object, Instant updatedSince) {
    try (Stream<SourceRecord> records = records(object, updatedSince, bad -> { })) {
      return records.count();
    }
  }

  @Override
  public InputStream openFile(String fileId) {
    return source.openFile(fileId);
  }

  /** The wrapped source belongs to the caller, who closes it. */
  @Override
  public void close() {
  }
}
