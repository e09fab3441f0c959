package io.fmap.emulator.dataverse;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from column name to value, in key order, kept as two arrays: what a stored
 * {@link Row} holds. Why: the store keeps every row for the emulator's life, and a TreeMap spends 40
 * bytes per entry; for an account row the two maps were most of its ~1.3 KB, which every young
 * collection copied (LoadBenchmark: GC was a fifth of the process CPU per row). Here an entry costs
 * 8 bytes. Lookups are a binary search over a dozen or two names, as a TreeMap's are.
 */
final class SortedArrayMap<V> extends AbstractMap<String, V> {
  private static final SortedArrayMap<?> EMPTY = new SortedArrayMap<>(new String[0], new Object[0]);

  private final String[] keys;
  private final Object[] values;

  private SortedArrayMap(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** A sorted copy; null keys are refused, as TreeMap refuses them. */
  @SuppressWarnings("unchecked")
  static <V> SortedArrayMap<V> copyOf(Map<String, ? extends V> map) {
    if (map instanceof SortedArrayMap<?> same) return (SortedArrayMap<V>) same;
    if (map.isEmpty()) return (SortedArrayMap<V>) EMPTY;
    String[] keys = new String[map.size()];
    int n = 0;
    for (String k : map.keySet()) {
      if (k == null) throw new NullPointerException("null column name");
      keys[n++] = k;
    }
    Arrays.sort(keys);
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) values[i] = map.get(keys[i]);
    return new SortedArrayMap<>(keys, values);
  }

  private int index(Object key) {
    return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = index(key);
    return i >= 0 ? (V) values[i] : null;
  }

  @Override
  public boolean containsKey(Object key) { return index(key) >= 0; }

  @Override
  public int size() { return keys.length; }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() { return next < keys.length; }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<String, V> next() {
            if (next >= keys.length) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
          }
        };
      }

      @Override
      public int size() { return keys.length; }
    };
  }
}
