package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.target.RowAddress;
import java.util.UUID;

/**
 * A row ready for the wire.
 *
 * @param index      position in the caller's list (results go back in that order)
 * @param sourceId   the source record's id
 * @param address    where it goes; a {@link RowAddress.New} row is created, every other row upserted
 * @param id         the row's primary id: the ledger's, or the one fmap chose for it
 * @param body       the JSON body without key columns
 * @param updateOnly send {@code If-Match: *} (the state change of an activity that must already exist)
 * @param deepInsert the body carries related rows (activity parties): bulk messages are not used
 */
record PreparedRow(int index, String sourceId, RowAddress address, UUID id, ObjectNode body, boolean updateOnly,
                   boolean deepInsert) {

  boolean creates() { return address instanceof RowAddress.New; }
}
