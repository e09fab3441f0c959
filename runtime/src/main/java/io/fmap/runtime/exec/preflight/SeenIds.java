package io.fmap.runtime.exec.preflight;

import java.util.Arrays;

/**
 * The ids of one source object's records, for checking references to them, in 8 bytes a record:
 * a 64-bit hash of each id, sorted once the object has been read. A set of the id strings cost
 * about 100 bytes a record, 100 MB for a million. Two different ids share a hash with a chance of
 * about n²/2⁶⁵ (1 in 36 million for a million ids); the cost of that is one broken reference not
 * reported, never a finding that is wrong.
 */
final class SeenIds {
  private long[] hashes = new long[1024];
  private int size;
  private boolean sealed;

  void add(String id) {
    if (sealed) throw new IllegalStateException("the object's ids were all read already");
    if (size == hashes.length) hashes = Arrays.copyOf(hashes, size * 2);
    hashes[size++] = hash(id);
  }

  /** Every id is in: sorts them so that lookups can start. */
  void seal() {
    if (sealed) return;
    hashes = Arrays.copyOf(hashes, size);
    Arrays.sort(hashes);
    sealed = true;
  }

  boolean sealed() {
    return sealed;
  }

  boolean contains(String id) {
    if (!sealed) throw new IllegalStateException("ids are looked up once the object has been read");
    return Arrays.binarySearch(hashes, hash(id)) >= 0;
  }

  /** FNV-1a over the UTF-16 code units, then a murmur finalizer so that similar ids spread out. */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
