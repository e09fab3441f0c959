package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.CompiledPlan;
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
 *
 * <p>Objects the plan does not route (Spark's stages, read only through {@code ref(Stage, id).name})
 * are passed whole: a sampled deal must map to what the full load will map it to, else the full load
 * sees every sampled deal as changed and updates it (a closed deal twice).
 */
public final class SampleSource implements SourceConnector {
  private final SourceConnector source;
  private final SampleSelection selection;
  private final CompiledPlan plan;

  public SampleSource(SourceConnector source, SampleSelection selection, CompiledPlan plan) {
    this.source = source;
    this.selection = selection;
    this.plan = plan;
  }

  @Override
  public SystemSchema schema() {
    return source.schema();
  }

  @Override
  public Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine) {
    Stream<SourceRecord> all = source.records(object, updatedSince, quarantine);
    return plan.router(object).isEmpty() ? all : all.filter(r -> selection.contains(SourceRef.of(r)));
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
