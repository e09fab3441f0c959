package io.fmap.runtime.api;

import java.util.Objects;

/**
 * Names one source record without carrying its fields: where a target row came from, and what a
 * {@code ref(...)} in a mapping points at.
 *
 * @param object the source object name ({@code Company})
 * @param id     the record's source id, as text
 */
public record SourceRef(String object, String id) implements Comparable<SourceRef> {

  public SourceRef {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(id, "id");
  }

  public static SourceRef of(SourceRecord record) {
    return new SourceRef(record.object(), record.id());
  }

  @Override
  public int compareTo(SourceRef other) {
    int byObject = object.compareTo(other.object);
    return byObject != 0 ? byObject : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return object + "/" + id;
  }
}
