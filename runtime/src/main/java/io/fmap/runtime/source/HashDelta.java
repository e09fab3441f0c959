package io.fmap.runtime.source;

import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.ledger.ContentHash;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Delta pickup by content hash, for sources whose {@code updated_at} cannot be trusted: compares
 * each record's {@link ContentHash} (the ledger's canonical form) with the hash kept from the last
 * run. Holds only the previous hashes and the ids seen, never the records.
 */
public final class HashDelta {

  /** What happened to a record since the last run. */
  public enum Kind { NEW, CHANGED }

  /** A record to load again, with the hash to remember once it is written. */
  public record Change(Kind kind, SourceRecord record, String hash) {}

  private final Map<String, String> previous;
  private final Set<String> seen = new HashSet<>();

  /** @param previousHashes source id → content hash from the last run, for one object */
  public HashDelta(Map<String, String> previousHashes) {
    this.previous = Map.copyOf(previousHashes);
  }

  /** The change this record represents, or empty when it is as it was. */
  public Optional<Change> consider(SourceRecord record) {
    seen.add(record.id());
    String hash = of(record);
    String before = previous.get(record.id());
    if (before == null) return Optional.of(new Change(Kind.NEW, record, hash));
    if (!before.equals(hash)) return Optional.of(new Change(Kind.CHANGED, record, hash));
    return Optional.empty();
  }

  /** The hash a source record is remembered by: its fields in the ledger's canonical form. */
  public static String of(SourceRecord record) {
    return ContentHash.of(record.fields());
  }

  /** Ids known from the last run that the source no longer has, sorted; call after the last record. */
  public Set<String> missing() {
    TreeSet<String> gone = new TreeSet<>(previous.keySet());
    gone.removeAll(seen);
    return gone;
  }
}
