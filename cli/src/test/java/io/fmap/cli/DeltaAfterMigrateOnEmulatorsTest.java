package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
      EmulatedProject.Run migrate = project.run("migrate", "--accept-warnings", "--json");
      JsonNode account = project.dataverse.rows("account").get(0);
      // modifiedon has whole seconds: the edit must fall in a later second than fmap's last write.
      Thread.sleep(1100);
      try (TargetConnector target = project.target()) {
        target.write("account", List.of(new RowWrite(account.path("fmap_sourceid").asText(),
            new RowAddress.ById(UUID.fromString(account.path("accountid").asText())), Map.of("name", "Renamed by hand"))));
      }
      // The full load set the watermarks: every record is edited in Spark too, so this pass checks every
      // record fmap wrote, and only the account also edited in Dynamics is a conflict.
      for (String object : List.of("Company", "Contact", "Deal", "Activity", "Note", "File", "Project")) {
        touchEveryRecord(project, object);
      }
      EmulatedProject.Run delta = project.run("delta", "--json");
      JsonNode conflicts = new ObjectMapper().readTree(delta.out()).path("passes").path(0).path("conflicts");
      assertEquals(1, conflicts.size(), migrate.exit() + "\n" + delta.out() + delta.err());
      assertEquals(account.path("accountid").asText(), conflicts.get(0).path("targetId").asText(), delta.out());
    }
  }

  private static void touchEveryRecord(EmulatedProject project, String object) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(project.spark.baseUrl()
            + "/_emulator/touch?object=" + object + "&count=100000")).header("Authorization", "Bearer spark-test-token")
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }
}
