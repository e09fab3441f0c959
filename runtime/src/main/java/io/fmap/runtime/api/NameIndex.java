package io.fmap.runtime.api;

/**
 * Distinct names in a fixed order and where each one is: the field names a source object's records
 * share ({@link RecordFields}) and the columns a generated map sets ({@link RowColumns}). Built once,
 * read once per field per record, so the lookup is one hash probe (a {@code String} caches its
 * hash) and, nearly always, one reference comparison.
 */
final class NameIndex {

  private final String[] names;
  /** Open addressing: slot {@code p} holds {@code i + 1} for the name {@code names[i]} hashing to {@code p}; 0 is empty. */
  private final int[] slots;

  /** @param names distinct, not null; the index keeps the array, so the caller must not change it */
  NameIndex(String[] names) {
    this.names = names;
    this.slots = new int[Integer.highestOneBit(Math.max(names.length, 1) * 2) * 2]; // at most half full
    int mask = slots.length - 1;
    for (int i = 0; i < names.length; i++) {
      int p = spread(names[i].hashCode()) & mask;
      while (slots[p] != 0) {
        if (names[slots[p] - 1].equals(names[i])) throw new IllegalArgumentException("the name " + names[i] + " is there twice");
        p = (p + 1) & mask;
      }
      slots[p] = i + 1;
    }
  }

  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  /** The names themselves, shared: only for holders that never change them. */
  String[] names() {
    return names;
  }

  /** Where {@code name} is, or -1. */
  int indexOf(String name) {
    int mask = slots.length - 1;
    for (int p = spread(name.hashCode()) & mask; ; p = (p + 1) & mask) {
      int slot = slots[p];
      if (slot == 0) return -1;
      String candidate = names[slot - 1];
      // Generated code passes literals and Jackson interns field names: usually the very same object.
      if (candidate == name || candidate.equals(name)) return slot - 1;
    }
  }

  /** Hashes of similar names differ little in the low bits the mask keeps; the high bits are mixed in. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
