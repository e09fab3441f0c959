package io.fmap.runtime.api;

import java.util.Map;
import java.util.Objects;

/**
 * One record read from the source system, as the generated mapping code sees it.
 *
 * <p>Field values are plain JSON values: {@code String}, {@code Long}, {@code java.math.BigDecimal},
 * {@code Boolean}, {@code java.util.List} of those, a nested {@code Map<String, Object>}, or
 * {@code null} (absent and JSON null are the same to a mapping). Dates and instants stay ISO-8601
 * strings until a mapping parses them, so that a malformed value is reported where it is used.
 *
 * @param object the source object name ({@code Contact})
 * @param id     the record's source id (its {@code id} field, as text)
 * @param fields every field of the record, in the order the source gave them
 */
public record SourceRecord(String object, String id, Map<String, Object> fields) {

  public SourceRecord {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(id, "id");
    // Immutable, in the source's order; held compactly because generated code reads it field by field.
    fields = RecordFields.copyOf(object, fields);
  }

  /** The value of a field, or null when the record does not have it. */
  public Object get(String field) {
    return fields.get(field);
  }

  /** The value of a field, or null when the record does not have it: what generated code reads. */
  public Object get(SourceField field) {
    return ((RecordFields) fields).get(field);
  }
}
