package io.fmap.runtime.source;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.schema.SystemSchema;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the executor reads a source system through; it knows no files and no HTTP.
 *
 * <p>Every method may throw {@link SourceException} with a message a person can act on. Streams
 * are lazy and hold an open file or connection: close them (try-with-resources).
 */
public interface SourceConnector extends AutoCloseable {

  /** The source's schema, as {@code schema pull} pins it. */
  SystemSchema schema();

  /**
   * Streams an object's records in a stable order (by id), in constant memory.
   *
   * @param object       the object name ({@code Contact})
   * @param updatedSince keep records whose {@code updated_at} is at or after this instant; null for all.
   *                     Records without {@code updated_at} are kept, so a content-hash delta can decide.
   * @param quarantine   receives each record that cannot be read; the stream goes on without it
   */
  Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine);

  /** How many readable records {@link #records} would give. */
  long count(String object, Instant updatedSince);

  /**
   * The whole source, for reading the records other records refer to. A view that shows the load only
   * some records (a delta's changed ones) answers the source behind it here, so a reference to a record
   * outside the view still resolves.
   */
  default SourceConnector whole() {
    return this;
  }

  /** The body of a File record, by its id. The caller closes the stream. */
  InputStream openFile(String fileId);

  @Override
  void close();
}
