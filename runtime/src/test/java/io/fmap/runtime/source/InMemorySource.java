package io.fmap.runtime.source;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.schema.SystemSchema;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A source of records held in memory, for tests of the parts that only stream records (lookups,
 * preflight, the association pass). It remembers each object it was asked to stream, in order.
 */
public final class InMemorySource implements SourceConnector {
  /** The objects streamed, in the order asked. */
  public final List<String> reads = Collections.synchronizedList(new ArrayList<>());
  private final Function<String, List<SourceRecord>> recordsOf;

  /** {@code recordsOf} gives an object's records (an empty list for an object the source lacks). */
  public InMemorySource(Function<String, List<SourceRecord>> recordsOf) {
    this.recordsOf = recordsOf;
  }

  @Override public SystemSchema schema() { throw new UnsupportedOperationException("an in-memory source has records only"); }

  @Override
  public Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine) {
    reads.add(object);
    return recordsOf.apply(object).stream();
  }

  @Override public long count(String object, Instant updatedSince) { return recordsOf.apply(object).size(); }

  @Override public InputStream openFile(String fileId) { throw new UnsupportedOperationException("an in-memory source has no files"); }

  @Override public void close() { }
}
