package io.fmap.runtime.target;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** How a write finds its row in the target. */
public sealed interface RowAddress {

  /** By alternate key (first run): the source id lives in a key column. Values are strings or numbers. */
  record ByKey(SortedMap<String, Object> values) implements RowAddress {
    public ByKey { values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values)); }

    public static ByKey of(String column, Object value) { return new ByKey(new TreeMap<>(Map.of(column, value))); }
  }

  /** By primary id (the ledger already knows it): faster than a key lookup. */
  record ById(UUID id) implements RowAddress {}

  /** A new row of a table without an alternate key; the id is chosen by fmap so a retry can check whether it landed. */
  record New(UUID id) implements RowAddress {}
}
