package io.fmap.emulator.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes one JSON object per line, fields in the order given. Absent (null) values are left out,
 * which the export format treats like JSON null. Money goes out as plain decimals from cents, so
 * the bytes never depend on floating point.
 */
final class JsonLines implements Closeable {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final JsonGenerator out;
  private long records;

  JsonLines(Path file) throws IOException {
    out = FACTORY.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8);
    out.setRootValueSeparator(null);
  }

  JsonLines begin(String id) throws IOException {
    out.writeStartObject();
    out.writeStringField("id", id);
    return this;
  }

  JsonLines text(String name, String value) throws IOException {
    if (value != null) out.writeStringField(name, value);
    return this;
  }

  JsonLines number(String name, long value) throws IOException {
    out.writeNumberField(name, value);
    return this;
  }

  JsonLines cents(String name, long cents) throws IOException {
    out.writeFieldName(name);
    long abs = Math.abs(cents);
    out.writeNumber((cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100);
    return this;
  }

  JsonLines bool(String name, boolean value) throws IOException {
    out.writeBooleanField(name, value);
    return this;
  }

  JsonLines instant(String name, long epochSecond) throws IOException {
    return text(name, Instant.ofEpochSecond(epochSecond).toString());
  }

  JsonLines date(String name, long epochDay) throws IOException {
    return text(name, LocalDate.ofEpochDay(epochDay).toString());
  }

  JsonLines list(String name, List<String> values) throws IOException {
    out.writeArrayFieldStart(name);
    for (String v : values) out.writeString(v);
    out.writeEndArray();
    return this;
  }

  /** A reference to one of several objects: {@code {"object": "Contact", "id": "con-0000007"}}. */
  JsonLines related(String name, String object, String id) throws IOException {
    out.writeObjectFieldStart(name);
    out.writeStringField("object", object);
    out.writeStringField("id", id);
    out.writeEndObject();
    return this;
  }

  void end() throws IOException {
    out.writeEndObject();
    out.writeRaw('\n');
    records++;
  }

  long records() {
    return records;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
