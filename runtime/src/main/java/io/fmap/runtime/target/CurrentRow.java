package io.fmap.runtime.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A row as the target holds it just before fmap writes it: what rollback needs to put it back.
 *
 * @param id      the row's primary id
 * @param version the row's version when read (the ETag, {@code W/"n"}), or null when the target gave none
 * @param columns the current values of the columns the write is about to set, by logical name: plain
 *                values as the target gives them, a lookup as {@code {"table": ..., "id": ...}} or null
 */
public record CurrentRow(UUID id, String version, Map<String, Object> columns) {
  public CurrentRow {
    Objects.requireNonNull(id, "id");
    // LinkedHashMap, not Map.copyOf: a null value is a column that is empty now, and rollback clears it again.
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }
}
