package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fmap sample` closes the won and lost deals of its slice (WinOpportunity / LoseOpportunity), and a
 * closed opportunity is read-only in Dataverse. The `fmap migrate` that follows must not fail on them:
 * an unchanged deal is skipped (the sample mapped it as the full load does), a changed one is
 * reopened, updated and closed again.
 */
class SampleThenMigrateOnEmulatorsTest {
  @TempDir Path dir;

  @Test
  void migrateAfterSampleFailsNoRowAndLeavesTheSampledDealsClosed() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 300)) {
      assertEquals(Fmap.OK, project.approve().exit());
      CliRun sample = project.run("sample", "--size", "120", "--json");
      Map<String, List<Integer>> closedBySample = states(project);
      long closed = closedBySample.values().stream().filter(s -> s.get(0) != 0).count();
      assertTrue(closed > 0, "the sample closes some deals: " + sample.err());

      JsonNode first = migrate(project);
      assertEquals(0, count(first, "failed"), first.toString());
      assertEquals(0, count(first, "updated"), "the sampled deals are unchanged: skipped, not sent again " + first);
      assertStillClosed(closedBySample, states(project));

      // Every deal edited in Spark: the closed ones are reopened, updated and closed again.
      project.touch("Deal", project.generated.counts().get("deals"));
      JsonNode second = migrate(project);
      assertEquals(0, count(second, "failed"), second.toString());
      assertTrue(count(second, "updated") >= closed, second.toString());
      assertStillClosed(closedBySample, states(project));
    }
  }

  private static JsonNode migrate(EmulatedProject project) throws Exception {
    CliRun migrate = project.run("migrate", "--accept-warnings", "--json");
    return new ObjectMapper().readTree(migrate.out());
  }

  /** A counter of the Deal rows' first pass in the load summary. */
  private static int count(JsonNode summary, String counter) {
    int n = 0;
    for (JsonNode o : summary.findValues("objects").get(0)) {
      if (o.path("sourceObject").asText().equals("Deal")) n += o.path(counter).asInt();
    }
    return n;
  }

  private static void assertStillClosed(Map<String, List<Integer>> bySample, Map<String, List<Integer>> now) {
    bySample.forEach((deal, state) -> {
      if (state.get(0) != 0) assertEquals(state, now.get(deal), "deal " + deal + " stays closed as the sample left it");
    });
  }

  private static Map<String, List<Integer>> states(EmulatedProject project) {
    Map<String, List<Integer>> states = new HashMap<>();
    project.dataverse.rows("opportunity").forEach(r -> states.put(r.get("fmap_sourceid").asText(),
        List.of(r.get("statecode").asInt(), r.get("statuscode").asInt())));
    return states;
  }
}
