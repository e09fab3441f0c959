package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated sample's one finding in a load of the standard set: companies 2 and 3 are each
 * other's parent (on purpose), so the load leaves the link of cmp-0000002 out and reports it. It is
 * no failure (`fmap migrate` exits 0): the row landed, without the parent that would close the loop.
 * Everything else lands.
 */
final class ParentLoopFinding {
  static final String CODE = "PARENT_CYCLE_BROKEN";

  private ParentLoopFinding() {}

  /** {@code fmap migrate --json} exited 0 with the loop as its only record not landed. */
  static void isTheOnlyFinding(int exit, String migrateJson) {
    assertEquals(Fmap.OK, exit, migrateJson);
    JsonNode summary;
    try {
      summary = new ObjectMapper().readTree(migrateJson).path("summary");
    } catch (java.io.IOException e) {
      throw new AssertionError("migrate --json printed no JSON: " + migrateJson, e);
    }
    List<String> codes = new ArrayList<>();
    summary.path("errors").forEach(g -> codes.add(g.path("code").asText() + " x" + g.path("count").asInt()));
    assertEquals(List.of(CODE + " x1"), codes, migrateJson);
    JsonNode example = summary.path("errors").get(0).path("examples").get(0);
    assertTrue(example.path("record").asText().startsWith("Company~lookups/cmp-0000002"), example.toString());
    assertTrue(example.path("message").asText().contains("Company cmp-0000002 -> cmp-0000003 -> cmp-0000002 is a loop"),
        example.toString());
  }
}
