package io.fmap.runtime.api;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.UUID;

/**
 * How a target row is addressed: by its GUID (known from the ledger, the fastest write) or by the
 * values of an alternate key (what makes a rerun upsert instead of duplicating).
 */
public sealed interface TargetKey {

  /** The row's primary id. */
  record ById(UUID id) implements TargetKey {
    public ById {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
      return id.toString();
    }
  }

  /**
   * Alternate-key column values, sorted by column name so that the same key always prints and
   * hashes the same way. Values are {@code String}, {@code Long}, {@code BigDecimal} or {@code Boolean}.
   */
  record ByAlternateKey(SortedMap<String, Object> values) implements TargetKey {
    public ByAlternateKey {
      if (values == null || values.isEmpty()) {
        throw new IllegalArgumentException("an alternate key needs at least one column");
      }
      SortedArrayMap<Object> sorted = SortedArrayMap.copyOf(values);
      String missing = sorted.firstKeyOfNull();
      if (missing != null) throw new NullPointerException("alternate key column " + missing);
      values = sorted;
    }

    @Override
    public String toString() {
      return values.toString();
    }
  }

  static TargetKey id(UUID id) {
    return new ById(id);
  }

  /** A single-column alternate key, the usual {@code key fmap_sourceid = id}. */
  static TargetKey alternate(String column, Object value) {
    return new ByAlternateKey(SortedArrayMap.of(Objects.requireNonNull(column, "column"), value));
  }

  /**
   * A GUID derived from the target table and the source record (name-based, RFC 4122 version 3):
   * the same record always gets the same id, so writing it by id is an idempotent upsert even when
   * the map declares no alternate key.
   */
  static TargetKey derivedId(String table, SourceRef source) {
    String name = "fmap:" + table + ":" + source.object() + ":" + source.id();
    return new ById(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static TargetKey alternate(Map<String, Object> values) {
    return new ByAlternateKey(SortedArrayMap.copyOf(values));
  }
}
