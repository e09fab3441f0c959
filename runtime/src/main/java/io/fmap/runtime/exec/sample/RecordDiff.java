package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.SourceRef;
import java.util.List;

/**
 * One target row of the sample: the record it came from and each mapped column.
 *
 * @param targetId the row's GUID from the ledger; null when the row did not land
 * @param problem  why no column could be compared (not landed, not found when read back, mapping
 *                 failed); null when the columns were compared
 */
public record RecordDiff(SourceRef source, String map, String table, String targetId, List<FieldDiff> fields,
    String problem) {

  public RecordDiff {
    fields = List.copyOf(fields);
  }

  public boolean differs() {
    return problem != null || fields.stream().anyMatch(f -> f.status() == FieldStatus.DIFFERS);
  }
}
