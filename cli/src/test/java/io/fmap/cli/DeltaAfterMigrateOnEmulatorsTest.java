package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After `fmap migrate` the lookup, state and file passes have written many rows again (their
 * `modifiedon` is later than the first write). `fmap delta` takes none of those for an edit made in
 * Dynamics: the one row edited by hand after the load is the only conflict.
 */
class DeltaAfterMigrateOnEmulatorsTest {
  @TempDir Path dir;

  @Test
  void deltaRightAfterMigrateReportsOnlyTheRowEditedInTheTarget() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 7, 300)) {
      assertEquals(Fmap.OK, project.approve().exit());
      CliRun migrate = project.run("migrate", "--accept-warnings", "--json");
      // Every company, deal and activity edited in Spark: the delta checks all their rows, those the
      // lookup and state passes wrote again included.
      Map.of("Company", "companies", "Deal", "deals", "Activity", "activities").forEach((object, export) ->
          project.touch(object, project.generated.counts().get(export)));
      JsonNode account = project.dataverse.rows("account").get(0);
      // modifiedon has whole seconds: the edit must fall in a later second than fmap's last write.
      Thread.sleep(1100);
      try (TargetConnector target = project.target()) {
        target.write("account", List.of(new RowWrite(account.path("fmap_sourceid").asText(),
            new RowAddress.ById(UUID.fromString(account.path("accountid").asText())), Map.of("name", "Renamed by hand"))));
      }
      CliRun delta = project.run("delta", "--json");
      JsonNode conflicts = new ObjectMapper().readTree(delta.out()).path("passes").path(0).path("conflicts");
      assertEquals(1, conflicts.size(), migrate.exit() + "\n" + delta.out() + delta.err());
      assertEquals(account.path("accountid").asText(), conflicts.get(0).path("targetId").asText(), delta.out());
      // The edited activities are updated, emails with parties among them: a row that is there keeps
      // the parties it was created with, so no update is refused.
      for (JsonNode object : new ObjectMapper().readTree(delta.out()).path("passes").path(0).path("load").path("objects")) {
        assertEquals(0, object.path("failed").asInt(), object.toString());
      }
    }
  }
}
