package io.fmap.runtime.ledger;

import java.util.Objects;

/**
 * What one ledger entry is about: a source record written to one target table. A source record
 * that lands in two tables (a contact that becomes a lead and a contact) has two keys.
 */
public record RecordKey(String sourceObject, String sourceId, String targetTable)
    implements Comparable<RecordKey> {

  public RecordKey {
    Objects.requireNonNull(sourceObject, "sourceObject");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(targetTable, "targetTable");
  }

  @Override
  public int compareTo(RecordKey other) {
    int byTable = targetTable.compareTo(other.targetTable);
    if (byTable != 0) {
      return byTable;
    }
    int byObject = sourceObject.compareTo(other.sourceObject);
    return byObject != 0 ? byObject : sourceId.compareTo(other.sourceId);
  }

  @Override
  public String toString() {
    return sourceObject + "/" + sourceId + " -> " + targetTable;
  }
}
