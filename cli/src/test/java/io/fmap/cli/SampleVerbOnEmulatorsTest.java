package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fmap sample} as a reviewer runs it before the full load: the standard mapping set, both
 * emulators in-process on loopback, generated Spark data.
 */
class SampleVerbOnEmulatorsTest {
  @TempDir Path dir;

  @Test
  void refusesUnapprovedThenSamplesDiffsRerunsWithoutDuplicatesAndReportsAFieldChangedInTheTarget() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 5, 300)) {
      DataverseEmulator dv = project.dataverse;
      CliRun unapproved = project.run("sample", "--size", "40");
      assertEquals(Fmap.BLOCKED, unapproved.exit(), unapproved.out() + unapproved.err());
      assertEquals(0, dv.count("account"), "nothing moves before approval");

      assertEquals(Fmap.OK, project.approve().exit());
      CliRun first = project.run("sample", "--size", "40", "--json");
      JsonNode result = new ObjectMapper().readTree(first.out());
      assertTrue(first.exit() == Fmap.OK || first.exit() == Fmap.FINDINGS, first.err());
      assertTrue(result.path("selection").path("records").asInt() >= 40, first.out());
      assertTrue(dv.count("lead") > 0 && dv.count("lead") < project.generated.counts().get("contacts"),
          () -> "a slice, not the whole source: " + first.out());
      JsonNode diff = result.path("diff");
      assertTrue(diff.path("tables").path("account").path("equal").asInt() > 0, first.out());
      assertEquals(0, differing(diff), "the standard set lands as mapped: " + first.out());
      Path html = project.dir.resolve(".fmap/reports/sample-diff.html");
      assertEquals(html.toString(), result.path("html").asText());
      assertTrue(Files.readString(html).contains("<h2>account ("), "the HTML report has the account table");

      // Change one mapped field behind fmap's back: the rerun upserts the same rows (unchanged ones are
      // skipped by content hash), so the change is still there for the diff to find.
      Map<String, Integer> landed = landed(dv);
      JsonNode account = EmulatedProject.comparedRecord(diff, "account", "name");
      String targetId = account.path("targetId").asText();
      try (TargetConnector target = project.target()) {
        target.write("account", List.of(new RowWrite(account.path("source").asText(),
            new RowAddress.ById(UUID.fromString(targetId)), Map.of("name", "Renamed <by hand>"))));
      }
      Path elsewhere = dir.resolve("review/diff.html");
      CliRun again = project.run("sample", "--size", "40", "--html", elsewhere.toString());
      assertEquals(Fmap.FINDINGS, again.exit(), again.out() + again.err());
      assertEquals(landed, landed(dv), "a rerun duplicates nothing");
      assertTrue(again.out().contains("account " + targetId), again.out());
      assertTrue(again.out().contains("name: expected '"), again.out());
      assertTrue(again.out().contains("read 'Renamed <by hand>'"), again.out());
      assertTrue(again.out().contains("html: " + elsewhere), again.out());
      String page = Files.readString(elsewhere);
      assertTrue(page.contains("Renamed &lt;by hand&gt;"), "the value read back, escaped");
      assertFalse(page.contains("<by hand>"), "no markup from data");
    }
  }

  private static int differing(JsonNode diff) {
    int n = 0;
    for (JsonNode t : diff.path("tables")) n += t.path("differs").asInt();
    return n;
  }


  private static Map<String, Integer> landed(DataverseEmulator dv) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String table : List.of("account", "contact", "lead", "opportunity", "annotation", "email", "task")) {
      counts.put(table, dv.count(table));
    }
    return counts;
  }
}
