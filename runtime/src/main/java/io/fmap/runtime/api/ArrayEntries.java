package io.fmap.runtime.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * The entry set of a map kept as arrays ({@link SortedArrayMap}, {@link RecordFields}): entries
 * {@code 0..size-1} in index order, read-only. Entries are {@code SimpleImmutableEntry}, which,
 * unlike {@code Map.entry}, takes a null value: a null value is an entry of these maps.
 */
final class ArrayEntries<V> extends AbstractSet<Map.Entry<String, V>> {

  private final int size;
  private final IntFunction<String> key;
  private final IntFunction<V> value;

  ArrayEntries(int size, IntFunction<String> key, IntFunction<V> value) {
    this.size = size;
    this.key = key;
    this.value = value;
  }

  @Override
  public Iterator<Map.Entry<String, V>> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Map.Entry<String, V> next() {
        if (next >= size) throw new NoSuchElementException();
        int i = next++;
        return new AbstractMap.SimpleImmutableEntry<>(key.apply(i), value.apply(i));
      }
    };
  }

  @Override
  public int size() {
    return size;
  }
}
