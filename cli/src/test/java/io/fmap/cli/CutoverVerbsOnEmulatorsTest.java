package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutover verbs as a user runs them after {@code fmap migrate}: the standard mapping set, both
 * emulators in-process on loopback, generated Spark data.
 */
class CutoverVerbsOnEmulatorsTest {
  @TempDir Path dir;

  @Test
  void afterMigrateReportShowsTheRunReconcileFindsEveryWriteAndRollbackListsThenUndoesIt() throws Exception {
    try (EmulatedProject project = new EmulatedProject(dir, 11, 100)) {
      DataverseEmulator dv = project.dataverse;
      CliRun approve = project.approve();
      assertEquals(Fmap.OK, approve.exit(), approve.out());
      CliRun migrate = project.run("migrate", "--accept-warnings");
      assertTrue(migrate.exit() == Fmap.OK || migrate.exit() == Fmap.FINDINGS, migrate.err());
      assertTrue(dv.count("account") > 0, migrate.out());

      CliRun report = project.run("report", "--json");
      JsonNode runs = new ObjectMapper().readTree(report.out()).path("runs");
      assertEquals(1, runs.size(), report.out());
      assertEquals(1, runs.get(0).path("id").asInt(), report.out());
      assertEquals(migrate.exit(), report.exit(), "report flags the same failed or quarantined records migrate did");

      // A fresh migration reconciles clean: every record the stdlib plan routes to a table is expected
      // there (owners and lookups resolve as the load's did), stands in the ledger and is found with the
      // same column values.
      CliRun reconcile = project.run("reconcile", "--full", "--json");
      assertEquals(Fmap.OK, reconcile.exit(), reconcile.out() + reconcile.err());
      JsonNode tables = new ObjectMapper().readTree(reconcile.out()).path("tables");
      assertEquals(List.of(), allMismatches(tables), reconcile.out());
      assertTrue(tables.size() > 0, reconcile.out() + reconcile.err());
      for (JsonNode t : tables) {
        assertEquals(t.path("ledgerCount").asLong(), t.path("expectedCount").asLong(), t.toString());
        // the target also counts rows of the table fmap did not write (two objects fill annotation)
        assertTrue(t.path("targetCount").asLong() >= t.path("ledgerCount").asLong(), t.toString());
      }
      assertTrue(tableCheck(tables, "Contact", "lead").path("expectedCount").asLong() > 0, reconcile.out());

      // Behind fmap's back: one lead deleted; one account renamed, given another owner and another parent.
      String token = token(dv);
      String leadId = migrated(dv, "lead").path("leadid").asText();
      JsonNode account = migrated(dv, "account");
      String accountId = account.path("accountid").asText();
      String otherOwner = dv.rows("systemuser").stream().map(u -> u.path("systemuserid").asText())
          .filter(id -> !id.equals(account.path("_ownerid_value").asText())).findFirst().orElseThrow();
      // A top account (no parent) is no descendant of the edited one: the org refuses a parent loop.
      String otherParent = dv.rows("account").stream()
          .filter(a -> a.path("_parentaccountid_value").asText("").isEmpty()).map(a -> a.path("accountid").asText())
          .filter(id -> !id.equals(accountId) && !id.equals(account.path("_parentaccountid_value").asText()))
          .findFirst().orElseThrow();
      assertEquals(204, send(dv, token, "DELETE", "leads(" + leadId + ")", null));
      assertEquals(204, send(dv, token, "PATCH", "accounts(" + accountId + ")", "{\"name\":\"Renamed in Dynamics\","
          + "\"ownerid@odata.bind\":\"/systemusers(" + otherOwner + ")\","
          + "\"parentaccountid@odata.bind\":\"/accounts(" + otherParent + ")\"}"));
      CliRun drifted = project.run("reconcile", "--full", "--json");
      assertEquals(Fmap.FINDINGS, drifted.exit(), drifted.out() + drifted.err());
      JsonNode driftedTables = new ObjectMapper().readTree(drifted.out()).path("tables");
      assertEquals(List.of("missing_in_target " + leadId),
          mismatches(tableCheck(driftedTables, "Contact", "lead")), drifted.out());
      assertEquals(List.of("value " + accountId + " name", "value " + accountId + " ownerid",
          "value " + accountId + " parentaccountid"), mismatches(tableCheck(driftedTables, "Company", "account")),
          drifted.out());

      int accounts = dv.count("account");
      CliRun dryRun = project.run("rollback", "1");
      assertEquals(Fmap.OK, dryRun.exit(), dryRun.out() + dryRun.err());
      assertTrue(dryRun.out().contains("account: delete " + accounts), dryRun.out());
      assertEquals(accounts, dv.count("account"), "a dry run changes nothing");

      // The account renamed in Dynamics after the load was created by it: it is not deleted with that edit
      // (its version is no longer the one the load left), the rest is; --force deletes it too.
      CliRun undo = project.run("rollback", "1", "--yes", "--json");
      assertEquals(Fmap.FINDINGS, undo.exit(), undo.out() + undo.err());
      JsonNode failed = new ObjectMapper().readTree(undo.out()).path("rollbacks").path(0).path("failed");
      assertEquals(1, failed.size(), undo.out());
      assertEquals(accountId, failed.get(0).path("id").asText(), undo.out());
      assertEquals("CHANGED_IN_TARGET", failed.get(0).path("code").asText(), undo.out());
      assertEquals(1, dv.count("account"), undo.out());
      assertEquals(0, dv.count("opportunity"), undo.out());
      CliRun forced = project.run("rollback", "1", "--yes", "--force");
      assertEquals(Fmap.OK, forced.exit(), forced.out() + forced.err());
      assertEquals(0, dv.count("account"), forced.out());
      CliRun again = project.run("rollback", "1");
      assertEquals(Fmap.BLOCKED, again.exit(), again.out());
      assertTrue(again.out().contains("already rolled back"), again.out());
    }
  }

  /** Every mismatch of every table, as {@code kind sourceId column}. */
  private static List<String> allMismatches(JsonNode tables) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : tables) {
      for (JsonNode m : t.path("mismatches")) {
        out.add(m.path("kind").asText() + " " + m.path("sourceId").asText()
            + (m.path("column").isTextual() ? " " + m.path("column").asText() : ""));
      }
    }
    return out;
  }

  private static JsonNode tableCheck(JsonNode tables, String object, String table) {
    for (JsonNode t : tables) {
      if (t.path("sourceObject").asText().equals(object) && t.path("table").asText().equals(table)) return t;
    }
    throw new AssertionError("no check of " + object + " in " + table + ": " + tables);
  }

  private static List<String> mismatches(JsonNode check) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : check.path("mismatches")) {
      String column = m.path("column").isMissingNode() || m.path("column").isNull() ? "" : " " + m.path("column").asText();
      out.add(m.path("kind").asText() + " " + m.path("targetId").asText() + column);
    }
    return out;
  }

  /** A row fmap wrote (it carries the source id), not one the org already had. */
  private static JsonNode migrated(DataverseEmulator dv, String table) {
    return dv.rows(table).stream().filter(r -> r.hasNonNull("fmap_sourceid")).findFirst().orElseThrow();
  }

  /** A token for the emulator's demo client, as an admin editing Dynamics by hand would hold one. */
  private static String token(DataverseEmulator dv) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dv.tokenUrl("contoso")))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=fmap-demo"
            + "&client_secret=fmap-demo&scope=" + URLEncoder.encode(dv.rootUrl() + "/.default", StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
  }

  private static int send(DataverseEmulator dv, String token, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dv.baseUrl() + "/" + path))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
