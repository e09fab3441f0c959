package io.fmap.runtime.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row to write, as the connector receives it.
 *
 * @param sourceId the source record's id (reported back in the {@link WriteResult})
 * @param address  where the row goes
 * @param body     column or navigation-property name → value: {@code String}, {@code Number},
 *                 {@code Boolean}, {@code null}, an {@link EntityRef} (bound by navigation property),
 *                 or a list of maps (deep insert of related rows, e.g. activity parties)
 */
public record RowWrite(String sourceId, RowAddress address, Map<String, Object> body) {
  public RowWrite {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(address, "address");
    body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }
}
