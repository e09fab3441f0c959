package io.fmap.runtime.ledger;

import java.util.Objects;

/**
 * A write about to be sent, recorded before it is sent.
 *
 * @param key         which record and table
 * @param kind        the write
 * @param targetId    the target row's id when known before the write (updates, upserts with a
 *                    client-chosen id); null when the server assigns it
 * @param contentHash the hash of the mapped row, so a later delta can tell unchanged records
 * @param beforeImage for an update or a delete of an existing row, that row's columns as JSON before
 *                    the write, which rollback puts back; null for a create
 */
public record Intent(RecordKey key, WriteKind kind, String targetId, String contentHash, String beforeImage) {

  public Intent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
  }
}
