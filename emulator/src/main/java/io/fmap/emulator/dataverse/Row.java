package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;

/**
 * One stored row, immutable: a write replaces the row, which makes rollback a matter of putting
 * the old object back.
 *
 * @param values  column logical name → value; lookup columns hold the target id as text
 * @param lookups lookup column → the table its id points at (the polymorphic part)
 * @param version row version, the number inside the ETag {@code W/"n"}
 */
public record Row(String table, UUID id, long version, Map<String, JsonNode> values, Map<String, String> lookups) {
  public Row {
    // Sorted and immutable, in arrays: the store keeps every row (see SortedArrayMap).
    values = SortedArrayMap.copyOf(values);
    lookups = SortedArrayMap.copyOf(lookups);
  }

  public JsonNode get(String column) { return values.get(column); }

  public String etag() { return "W/\"" + version + "\""; }
}
