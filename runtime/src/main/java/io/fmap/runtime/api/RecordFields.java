package io.fmap.runtime.api;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The fields of a {@link SourceRecord}: an immutable map in the source's order, held as one array
 * of values per record next to a shape, a {@link NameIndex} of the field names, that the records of
 * one object share.
 *
 * <p>Why not a {@code LinkedHashMap}: generated code reads a dozen fields of every record by name,
 * and a record's hash table, entry objects and values lay scattered over the heap, a cache miss or
 * two per read; the reads were a quarter of the CPU time of a generated contact transform (JFR,
 * bench/). Here the names and the index are shared (hot in the cache after the first record) and a
 * record's values sit in one array. Records of one object nearly always have the same fields in the
 * same order, so the shape of the last record of each object is reused when the next one matches
 * it; a record whose fields differ gets a shape of its own, which is only slower, never wrong.
 * Null values are kept (absent and null are the same to a mapping, not to {@code containsKey});
 * null names are refused. Equal to any {@code Map} with the same entries; prints like a
 * {@code LinkedHashMap}.
 */
final class RecordFields extends AbstractMap<String, Object> {

  /** The last shape per source object; bounded, since an unbounded set of names is not a schema. */
  private static final Map<String, NameIndex> RECENT = new ConcurrentHashMap<>();
  private static final int MAX_OBJECTS = 1_024;

  private final NameIndex shape;
  private final Object[] values;

  private RecordFields(NameIndex shape, Object[] values) {
    this.shape = shape;
    this.values = values;
  }

  /** The same entries in the same order; a map of this class is returned as it is (it cannot change). */
  static RecordFields copyOf(String object, Map<String, ?> fields) {
    if (fields instanceof RecordFields same) return same;
    int size = fields.size();
    Object[] values = new Object[size];
    NameIndex recent = RECENT.get(object);
    String[] shared = recent != null && recent.size() == size ? recent.names() : null;
    String[] own = shared == null ? new String[size] : null;
    int i = 0;
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      String name = Objects.requireNonNull(field.getKey(), "field name");
      if (shared != null && !name.equals(shared[i])) {
        own = Arrays.copyOf(shared, size); // the names so far agree; from here on they are this record's own
        shared = null;
      }
      if (own != null) own[i] = name;
      values[i++] = field.getValue();
    }
    if (shared != null) return new RecordFields(recent, values);
    NameIndex shape = new NameIndex(own);
    if (RECENT.size() < MAX_OBJECTS || RECENT.containsKey(object)) RECENT.put(object, shape);
    return new RecordFields(shape, values);
  }

  @Override
  public Object get(Object key) {
    int i = key instanceof String name ? shape.indexOf(name) : -1;
    return i >= 0 ? values[i] : null;
  }

  /** The field's value, found by where it was in the last record of this shape. */
  Object get(SourceField field) {
    int i = field.indexIn(shape);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && shape.indexOf(name) >= 0;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < values.length; i++) action.accept(shape.name(i), values[i]);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new ArrayEntries<>(values.length, shape::name, i -> values[i]);
  }
}
