package io.fmap.runtime.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.source.SourceException;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.spark.SparkSchemaReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a Spark export folder ({@code docs/spark-export-format.md}): {@code schema.json}, one JSON
 * Lines file per object and {@code files/}. One line at a time, so memory does not grow with the
 * export; a malformed line goes to the quarantine with its file and line number.
 */
public final class ExportFilesConnector implements SourceConnector {
  /** A file id is used as a file name: nothing that could leave the {@code files/} folder. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private final Path dir;
  private final SparkSchemaReader.Export export;

  public ExportFilesConnector(Path dir) {
    this.dir = dir;
    Path schemaFile = dir.resolve("schema.json");
    try {
      this.export = SparkSchemaReader.readExport(Files.readString(schemaFile, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new SourceException(schemaFile + " not found: point the source at a Spark export folder"
          + " (it holds schema.json and one .jsonl file per object)");
    } catch (IOException e) {
      throw new SourceException(dir + "/" + e.getMessage(), e);
    }
  }

  @Override
  public SystemSchema schema() {
    return export.schema();
  }

  @Override
  public Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine) {
    String fileName = collection(object) + ".jsonl";
    Path file = dir.resolve(fileName);
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      // An object the customer had no records of may come without its file.
      return Stream.empty();
    } catch (IOException e) {
      throw new SourceException(file + ": cannot be read: " + e.getMessage(), e);
    }
    Iterator<SourceRecord> it = new LineRecords(object, fileName, reader, updatedSince, quarantine);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(() -> {
          try {
            reader.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public long count(String object, Instant updatedSince) {
    try (Stream<SourceRecord> records = records(object, updatedSince, malformed -> { })) {
      return records.count();
    }
  }

  @Override
  public InputStream openFile(String fileId) {
    if (!SAFE_ID.matcher(fileId).matches() || fileId.contains("..")) {
      throw new SourceException("file id '" + fileId + "' cannot name a file in " + dir.resolve("files")
          + "; the File record is malformed");
    }
    Path body = dir.resolve("files").resolve(fileId);
    try {
      return Files.newInputStream(body);
    } catch (NoSuchFileException e) {
      throw new SourceException(body + " is missing from the export: ask for the file body again, or"
          + " generate the export with --large-files when it is the generator's large file");
    } catch (IOException e) {
      throw new SourceException(body + ": cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // Each record stream owns and closes its own reader; nothing is held between calls.
  }

  private String collection(String object) {
    try {
      return export.collection(object);
    } catch (IllegalArgumentException e) {
      throw new SourceException(e.getMessage());
    }
  }

  /** Reads ahead one readable record at a time; malformed lines are quarantined on the way. */
  private static final class LineRecords implements Iterator<SourceRecord> {
    private final String object;
    private final String fileName;
    private final BufferedReader reader;
    private final Instant since;
    private final Consumer<MalformedRecord> quarantine;
    private long lineNumber;
    private SourceRecord next;

    LineRecords(String object, String fileName, BufferedReader reader, Instant since, Consumer<MalformedRecord> quarantine) {
      this.object = object;
      this.fileName = fileName;
      this.reader = reader;
      this.since = since;
      this.quarantine = quarantine;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        String line;
        try {
          line = reader.readLine();
        } catch (IOException e) {
          throw new SourceException(fileName + ":" + (lineNumber + 1) + ": cannot be read: " + e.getMessage(), e);
        }
        if (line == null) return false;
        lineNumber++;
        if (line.isBlank()) continue;
        next = parse(line);
      }
      return true;
    }

    private SourceRecord parse(String line) {
      if (SparkRecords.olderThan(line, since)) return null; // unchanged since the watermark: not built at all
      String location = fileName + ":" + lineNumber;
      JsonNode node;
      try {
        node = SparkRecords.MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        quarantine.accept(new MalformedRecord(object, location, "not valid JSON: " + e.getOriginalMessage(), line));
        return null;
      }
      String problem = SparkRecords.problem(node);
      if (problem != null) {
        quarantine.accept(new MalformedRecord(object, location, problem, line));
        return null;
      }
      return SparkRecords.updatedSince(node, since) ? SparkRecords.toRecord(object, node) : null;
    }

    @Override
    public SourceRecord next() {
      if (!hasNext()) throw new NoSuchElementException();
      SourceRecord r = next;
      next = null;
      return r;
    }
  }
}
