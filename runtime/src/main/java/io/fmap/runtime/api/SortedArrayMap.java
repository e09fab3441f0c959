package io.fmap.runtime.api;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * An immutable map from column name to value, sorted by name, held as two parallel arrays: the
 * columns, lookups and key values of a {@link TargetRow}.
 *
 * <p>Why not a {@code TreeMap}: a row is filled once, read a few times (hash, JSON body, diff) and
 * dropped. The {@code TreeMap} (an entry object per column, rebalanced on every put, plus an
 * unmodifiable wrapper) was a third of the CPU of a generated contact transform (JFR, bench/).
 * Here the builder appends to two arrays and {@link Builder#build()} sorts them once, in place, by
 * a stable insertion sort (rows have tens of columns, mostly set in near-sorted order), so the last
 * value set for a column wins, as {@code put} would have it; the map then owns the builder's arrays.
 * Null values are kept (a present column with a null value clears it on the target); null keys are
 * refused. Equal to any {@code Map} with the same entries, and prints like a {@code TreeMap}.
 */
final class SortedArrayMap<V> extends AbstractMap<String, V> implements SortedMap<String, V> {

  private static final SortedArrayMap<?> EMPTY = new SortedArrayMap<>(new String[0], new Object[0], 0);

  /** keys[0, size) ascending, no key twice; values[i] belongs to keys[i]. */
  private final String[] keys;
  private final Object[] values;
  private final int size;

  private SortedArrayMap(String[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <V> SortedArrayMap<V> empty() {
    return (SortedArrayMap<V>) EMPTY;
  }

  static <V> SortedArrayMap<V> of(String key, V value) {
    return new SortedArrayMap<>(new String[] {Objects.requireNonNull(key, "key")}, new Object[] {value}, 1);
  }

  /** The same entries; a map of this class is returned as it is (it cannot change). */
  @SuppressWarnings("unchecked")
  static <V> SortedArrayMap<V> copyOf(Map<String, ? extends V> map) {
    if (map instanceof SortedArrayMap<?> same) return (SortedArrayMap<V>) same;
    Builder<V> copy = new Builder<>(map.size());
    map.forEach(copy::put);
    return copy.build();
  }

  /** The entries whose key passes {@code keep}, still sorted. */
  SortedArrayMap<V> filterKeys(Predicate<String> keep) {
    Builder<V> kept = new Builder<>(size);
    for (int i = 0; i < size; i++) {
      if (keep.test(keys[i])) kept.put(keys[i], value(i));
    }
    return kept.size == size ? this : kept.build();
  }

  String keyAt(int i) {
    return keys[i];
  }

  V valueAt(int i) {
    return value(i);
  }

  /** The first key whose value is null, or null when every value is set: a check without a lambda per entry. */
  String firstKeyOfNull() {
    for (int i = 0; i < size; i++) {
      if (values[i] == null) return keys[i];
    }
    return null;
  }

  @Override
  public V get(Object key) {
    int i = key instanceof String k ? indexOf(k) : -1;
    return i >= 0 ? value(i) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String k && indexOf(k) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < size; i++) action.accept(keys[i], value(i));
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new ArrayEntries<>(size, i -> keys[i], this::value);
  }

  @Override
  public Comparator<? super String> comparator() {
    return null; // natural order of the names
  }

  @Override
  public SortedMap<String, V> subMap(String fromKey, String toKey) {
    if (fromKey.compareTo(toKey) > 0) throw new IllegalArgumentException("fromKey > toKey");
    return slice(lowerBound(fromKey), lowerBound(toKey));
  }

  @Override
  public SortedMap<String, V> headMap(String toKey) {
    return slice(0, lowerBound(toKey));
  }

  @Override
  public SortedMap<String, V> tailMap(String fromKey) {
    return slice(lowerBound(fromKey), size);
  }

  @Override
  public String firstKey() {
    if (size == 0) throw new NoSuchElementException();
    return keys[0];
  }

  @Override
  public String lastKey() {
    if (size == 0) throw new NoSuchElementException();
    return keys[size - 1];
  }

  @SuppressWarnings("unchecked")
  private V value(int i) {
    return (V) values[i];
  }

  private SortedArrayMap<V> slice(int from, int to) {
    return new SortedArrayMap<>(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to), to - from);
  }

  private int indexOf(String key) {
    int i = lowerBound(key);
    return i < size && keys[i].equals(key) ? i : -1;
  }

  /** The index of the first key not below {@code key}. */
  private int lowerBound(String key) {
    Objects.requireNonNull(key, "key");
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (keys[mid].compareTo(key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Collects entries in any order; not thread-safe; builds one map, which takes over its arrays. */
  static final class Builder<V> {
    private String[] keys;
    private Object[] values;
    private int size;

    Builder(int expected) {
      keys = new String[Math.max(expected, 1)];
      values = new Object[keys.length];
    }

    Builder<V> put(String key, V value) {
      if (keys == null) throw new IllegalStateException("this builder already built its map");
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = Objects.requireNonNull(key, "key");
      values[size++] = value;
      return this;
    }

    SortedArrayMap<V> build() {
      if (keys == null) throw new IllegalStateException("this builder already built its map");
      // Stable insertion sort: an equal key never moves before an earlier one.
      for (int i = 1; i < size; i++) {
        String key = keys[i];
        Object value = values[i];
        int j = i;
        while (j > 0 && keys[j - 1].compareTo(key) > 0) {
          keys[j] = keys[j - 1];
          values[j] = values[j - 1];
          j--;
        }
        keys[j] = key;
        values[j] = value;
      }
      // Of several entries for one key, the last one put (the last among equals) stays.
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (i + 1 < size && keys[i + 1].equals(keys[i])) continue;
        keys[kept] = keys[i];
        values[kept++] = values[i];
      }
      SortedArrayMap<V> map = size == 0 ? empty() : new SortedArrayMap<>(keys, values, kept);
      keys = null;
      values = null;
      return map;
    }
  }

  /**
   * Collects values for keys known in advance ({@link RowColumns}), each into its slot: no sort and
   * no growing per map, and the map shares the sorted keys when every one was put. A key never put
   * is left out; a put of a key that is not among them is refused. Builds one map.
   */
  static final class SlotBuilder<V> {
    private final RowColumns columns;
    private final NameIndex keys;
    private Object[] values;
    /** Which of the columns, in the order they were declared, the next put probably is. */
    private int turn;
    // Which slots were put, a bit each (null is a value: a column cleared on the target, so it cannot
    // mark an empty slot). Bits 0-63 in a field: filling the slots with a marker instead was a
    // twentieth of a generated contact transform (JFR, bench/); a row of more columns has more words.
    private long first;
    private final long[] rest;

    SlotBuilder(RowColumns columns) {
      NameIndex sortedKeys = columns.index();
      this.columns = columns;
      keys = sortedKeys;
      values = new Object[sortedKeys.size()];
      rest = sortedKeys.size() > Long.SIZE ? new long[(sortedKeys.size() - 1) / Long.SIZE] : null;
    }

    void put(String key, V value) {
      if (values == null) throw new IllegalStateException("this builder already built its map");
      // Kept small, so that the JIT inlines it into a generated map's statements: a column out of
      // turn and a row of more than 64 columns take the slower paths in methods of their own.
      int slot = columns.slotOf(key, turn);
      if (slot < 0) throw notDeclared(key);
      turn = columns.turnOf(slot) + 1;
      values[slot] = value;
      if (slot < Long.SIZE) first |= 1L << slot;
      else rest[slot / Long.SIZE - 1] |= 1L << slot;
    }

    private IllegalArgumentException notDeclared(String key) {
      return new IllegalArgumentException(Objects.requireNonNull(key, "key")
          + " is not one of the columns declared for this row " + List.of(keys.names()));
    }

    private boolean isPut(int slot) {
      long word = slot < Long.SIZE ? first : rest[slot / Long.SIZE - 1];
      return (word & (1L << slot)) != 0;
    }

    SortedArrayMap<V> build() {
      if (values == null) throw new IllegalStateException("this builder already built its map");
      int kept = Long.bitCount(first);
      if (rest != null) {
        for (long word : rest) kept += Long.bitCount(word);
      }
      SortedArrayMap<V> map;
      if (kept == 0) {
        map = empty();
      } else if (kept == values.length) {
        map = new SortedArrayMap<>(keys.names(), values, kept);
      } else {
        // The values move to the front of their own array; the shared names cannot, so the kept
        // ones get an array of their own.
        String[] someKeys = new String[kept];
        for (int i = 0, j = 0; i < values.length; i++) {
          if (!isPut(i)) continue;
          someKeys[j] = keys.name(i);
          values[j++] = values[i];
        }
        map = new SortedArrayMap<>(someKeys, values, kept);
      }
      values = null;
      return map;
    }
  }
}
