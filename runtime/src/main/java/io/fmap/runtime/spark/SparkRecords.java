package io.fmap.runtime.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fmap.runtime.api.SourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spark JSON records into {@link SourceRecord}s, the same way for export files and the API. */
final class SparkRecords {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private SparkRecords() {}

  /** Why a JSON value is not a record, or null when it is one. */
  static String problem(JsonNode node) {
    if (node == null || !node.isObject()) return "not a JSON object";
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
      return "the record has no \"id\"";
    }
    return null;
  }

  static SourceRecord toRecord(String object, JsonNode node) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      fields.put(e.getKey(), value(e.getValue()));
    }
    return new SourceRecord(object, node.get("id").asText(), fields);
  }

  private static Object value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) return null;
    if (v.isTextual()) return v.asText();
    if (v.isBoolean()) return v.asBoolean();
    if (v.isIntegralNumber()) return v.canConvertToLong() ? (Object) v.asLong() : new BigDecimal(v.bigIntegerValue());
    if (v.isNumber()) return v.decimalValue();
    if (v.isArray()) {
      List<Object> list = new ArrayList<>(v.size());
      v.forEach(item -> list.add(value(item)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    v.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
    return map;
  }

  /**
   * Whether a record passes an {@code updated_since} filter. A record without a readable
   * {@code updated_at} is kept: dropping it would lose a change, the content hash decides instead.
   */
  /**
   * Whether an export line's record is surely older than {@code since}, found by streaming its tokens
   * up to the top-level {@code updated_at}, without building the record: a delta skips the unchanged
   * lines of a large export at the cost of a scan. Anything unsure (no or unreadable {@code updated_at},
   * a line that is not JSON) answers false, and the line is read whole as before (and quarantined there
   * if it must be).
   */
  static boolean olderThan(String line, Instant since) {
    if (since == null) return false;
    try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.getFactory().createParser(line)) {
      if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return false;
      for (com.fasterxml.jackson.core.JsonToken t = parser.nextToken(); t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
           t = parser.nextToken()) {
        String field = parser.currentName();
        com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
        if (!field.equals("updated_at")) {
          parser.skipChildren();
          continue;
        }
        if (value != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) return false;
        return Instant.parse(parser.getText()).isBefore(since);
      }
      return false;
    } catch (java.io.IOException | DateTimeParseException e) {
      return false;
    }
  }

  static boolean updatedSince(JsonNode node, Instant since) {
    if (since == null) return true;
    JsonNode at = node.get("updated_at");
    if (at == null || !at.isTextual()) return true;
    try {
      return !Instant.parse(at.asText()).isBefore(since);
    } catch (DateTimeParseException e) {
      return true;
    }
  }
}
