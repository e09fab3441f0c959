package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** The Dataverse emulator's whole-org dumps ({@code DataverseEmulator.dump()}) compared before and after a rollback. */
final class OrgDumps {
  /** What the platform sets on every write: a restored row is the same row with a newer version. */
  private static final Set<String> SYSTEM = Set.of("modifiedon", "versionnumber", "modifiedby", "modifiedonbehalfby");

  private OrgDumps() {}

  /**
   * The org's dump without what the platform sets on every write (versions, modified on and by), and
   * without empty columns: the Web API shows a column never set and one cleared alike, as null.
   */
  static JsonNode comparable(ObjectNode dump) {
    ObjectNode copy = dump.deepCopy();
    for (Iterator<JsonNode> tables = copy.path("rows").elements(); tables.hasNext(); ) {
      for (JsonNode row : tables.next()) {
        ((ObjectNode) row).remove("version");
        ObjectNode values = (ObjectNode) row.path("values");
        values.remove(SYSTEM);
        values.properties().removeIf(column -> column.getValue().isNull());
        ((ObjectNode) row.path("lookups")).remove(SYSTEM);
      }
    }
    return copy;
  }

  /** The first paths where two dumps differ, for a message short enough to read. */
  static String differences(JsonNode expected, JsonNode actual) {
    StringBuilder out = new StringBuilder();
    differences(expected, actual, "", out);
    return out.toString();
  }

  private static void differences(JsonNode expected, JsonNode actual, String path, StringBuilder out) {
    if (out.length() > 4000 || expected.equals(actual)) return;
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String n : names) differences(expected.path(n), actual.path(n), path + "/" + n, out);
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) differences(expected.get(i), actual.get(i), path + "/" + i, out);
    } else {
      out.append("\n").append(path).append(": expected ").append(abbreviated(expected)).append(", found ")
          .append(abbreviated(actual));
    }
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
