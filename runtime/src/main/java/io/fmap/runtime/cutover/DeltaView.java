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
 * The source as a delta's load sees it. Per object, only the records changed since its watermark: the
 * filter goes down to the connector ({@code updated_since} on the Spark API; the export files are
 * filtered while they stream), so unchanged records are neither fetched nor counted in the progress line.
 * Records without {@code updated_at} still come through: the executor skips the unchanged ones by content
 * hash. Records whose target row changed since fmap's last write are held back (policies
 * {@code target-wins} and {@code report}), so the executor never overwrites them. The records other
 * records refer to ({@code ref(...)}, unrouted objects) are read from the {@linkplain #whole whole} source:
 * a lead's company name comes from its company whether or not the company changed or is held back.
 *
 * @param since  source object → its watermark (objects without one are read whole)
 * @param held   source object → ids held back
 */
record DeltaView(SourceConnector source, Map<String, Instant> since, Map<String, Set<String>> held)
    implements SourceConnector {

  /** The source without some records, as if they were deleted in it (tests of source deletions). */
  static DeltaView excluding(SourceConnector source, Map<String, Set<String>> held) {
    return new DeltaView(source, Map.of(), held);
  }

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
    Stream<SourceRecord> records = source.records(object, later(updatedSince, since.get(object)), quarantine);
    return ids.isEmpty() ? records : records.filter(r -> !ids.contains(r.id()));
  }

  @Override
  public long count(String object, Instant updatedSince) {
    if (held.getOrDefault(object, Set.of()).isEmpty()) return source.count(object, later(updatedSince, since.get(object)));
    try (Stream<SourceRecord> records = records(object, updatedSince, bad -> { })) {
      return records.count();
    }
  }

  @Override
  public SourceConnector whole() {
    return source.whole();
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }

  @Override
  public void close() {
    // the caller owns the wrapped source
  }
}
