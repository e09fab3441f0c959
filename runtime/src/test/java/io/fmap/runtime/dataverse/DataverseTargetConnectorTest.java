package io.fmap.runtime.dataverse;

import static io.fmap.runtime.dataverse.FakeOrg.error;
import static io.fmap.runtime.dataverse.FakeOrg.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.target.EntityRef;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataverseTargetConnectorTest {
  private final FakeOrg org;

  DataverseTargetConnectorTest() throws Exception { org = new FakeOrg(); }

  @AfterEach void stop() { org.close(); }

  private static List<RowWrite> accounts(int n, int bad) {
    List<RowWrite> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", i == bad ? "BAD" : "Account " + i);
      body.put("fmap_sourceid", "S" + i);
      rows.add(new RowWrite("S" + i, RowAddress.ByKey.of("fmap_sourceid", "S" + i), body));
    }
    return rows;
  }

  private static JsonNode body(RecordedRequest r) {
    try { return Json.MAPPER.readTree(r.getBody().utf8()); } catch (Exception e) { throw new AssertionError(e); }
  }

  /** Bulk supported; a bulk request holding a row named BAD is rejected whole, like a standard table's. */
  private MockResponse bulkOrg(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.endsWith("/sdkmessagefilters")) return json(200, "{\"value\":[{\"sdkmessagefilterid\":\"x\"}]}");
    if (path.endsWith("UpsertMultiple")) {
      return r.getBody().utf8().contains("\"BAD\"")
          ? error(400, "0x80044331", "A validation error occurred. name is BAD") : json(204, "");
    }
    if (r.getMethod().equals("PATCH")) {
      return r.getBody().utf8().contains("\"BAD\"") ? error(400, "0x80044331", "row BAD rejected") : json(204, "");
    }
    return error(404, "0x8006088a", "Resource not found for the segment");
  }

  @Test
  void upsertMultipleByAlternateKeyWhenTheTableSupportsIt() throws Exception {
    org.handle(this::bulkOrg);
    try (var c = org.connector(org.config(100, 4), true, true)) {
      List<WriteResult> results = c.write("account", accounts(3, -1));
      assertTrue(results.stream().allMatch(WriteResult::ok), results.toString());
      assertNotNull(results.get(0).targetId());
    }
    RecordedRequest probe = org.requests.get(0);
    assertEquals("GET", probe.getMethod());
    assertEquals("sdkmessageid/name eq 'UpsertMultiple' and primaryobjecttypecode eq 'account'",
        probe.getUrl().queryParameter("$filter"));
    RecordedRequest bulk = org.requests.get(1);
    assertEquals("/api/data/v9.2/accounts/Microsoft.Dynamics.CRM.UpsertMultiple", bulk.getUrl().encodedPath());
    JsonNode target = body(bulk).get("Targets").get(0);
    assertEquals("Microsoft.Dynamics.CRM.account", target.get("@odata.type").asText());
    assertEquals("accounts(fmap_sourceid='S0')", target.get("@odata.id").asText());
    assertFalse(target.has("fmap_sourceid"), "key columns are not repeated in the body");
    assertEquals(2, org.requests.size());
  }

  @Test
  void aRejectedBulkRequestIsBisectedDownToTheBadRowWithTheServersCode() throws Exception {
    org.handle(this::bulkOrg);
    List<WriteResult> results;
    try (var c = org.connector(org.config(16, 4), true, true)) {
      results = c.write("account", accounts(16, 11));
    }
    for (int i = 0; i < 16; i++) assertEquals(i != 11, results.get(i).ok(), "row " + i + ": " + results.get(i));
    WriteResult bad = results.get(11);
    assertEquals("S11", bad.sourceId());
    assertEquals(400, bad.status());
    assertEquals("0x80044331", bad.code());
    assertEquals("row BAD rejected", bad.message());
    long bulkRequests = org.requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("UpsertMultiple")).count();
    assertTrue(bulkRequests <= 1 + 2 * 4, "bisection costs about 2 log2(n) requests, was " + bulkRequests);
  }

  @Test
  void withoutBulkSupportRowsGoInOneBatchWithContinueOnError() throws Exception {
    org.handle(r -> {
      String path = r.getUrl().encodedPath();
      if (path.endsWith("/sdkmessagefilters")) return json(200, "{\"value\":[]}");
      if (path.endsWith("/$batch")) {
        String b = "--batchresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\n\r\n\r\n"
            + "--batchresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n"
            + "{\"error\":{\"code\":\"0x80044150\",\"message\":\"bad option\"}}\r\n"
            + "--batchresponse_1--\r\n";
        return new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "multipart/mixed; boundary=batchresponse_1").body(b).build();
      }
      return error(404, "", "unexpected " + path);
    });
    List<WriteResult> results;
    try (var c = org.connector(org.config(100, 4), true, true)) {
      results = c.write("account", accounts(2, -1));
    }
    assertTrue(results.get(0).ok());
    assertEquals("0x80044150", results.get(1).code());
    RecordedRequest batch = org.requests.get(1);
    assertEquals("odata.continue-on-error", batch.getHeaders().get("Prefer"));
    assertTrue(batch.getHeaders().get("Content-Type").startsWith("multipart/mixed; boundary=\"batch_"));
    String wire = batch.getBody().utf8();
    assertTrue(wire.contains("PATCH /api/data/v9.2/accounts(fmap_sourceid='S0') HTTP/1.1\r\n"), wire);
  }

  @Test
  void singleRequestsBindLookupsByNavigationPropertyAndCloseActivitiesAfterCreatingThemOpen() throws Exception {
    org.handle(r -> json(204, ""));
    UUID account = UUID.fromString("7eb682f1-ca75-e511-80d4-00155d2a68d1");
    UUID task = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", "Call back");
    body.put("regardingobjectid_account_task", new EntityRef("accounts", new RowAddress.ById(account)));
    body.put("statecode", 1);
    body.put("statuscode", 5);
    List<WriteResult> results;
    try (var c = org.connector(org.config(1, 2), false, false)) {
      results = c.write("task", List.of(new RowWrite("T1", new RowAddress.New(task), body)));
    }
    assertTrue(results.get(0).ok(), results.toString());
    assertEquals(task, results.get(0).targetId());
    RecordedRequest create = org.requests.get(0);
    assertEquals("POST", create.getMethod());
    JsonNode created = body(create);
    assertEquals("/accounts(" + account + ")", created.get("regardingobjectid_account_task@odata.bind").asText());
    assertEquals(task.toString(), created.get("activityid").asText());
    assertFalse(created.has("statecode"), "state is not valid on create");
    RecordedRequest close = org.requests.get(1);
    assertEquals("PATCH", close.getMethod());
    assertEquals("/api/data/v9.2/tasks(" + task + ")", close.getUrl().encodedPath());
    assertEquals("*", close.getHeaders().get("If-Match"));
    assertEquals(Json.MAPPER.readTree("{\"statecode\":1,\"statuscode\":5}"), body(close));
  }

  @Test
  void aCreateRepeatedAfterALostAnswerIsRecognisedByItsDuplicateId() throws Exception {
    org.handle(r -> error(412, "0x80040237", "Cannot insert duplicate key."));
    UUID id = UUID.randomUUID();
    List<WriteResult> results;
    try (var c = org.connector(org.config(1, 2), false, false)) {
      results = c.write("account", List.of(new RowWrite("S1", new RowAddress.New(id), Map.of("name", "A"))));
    }
    assertTrue(results.get(0).ok(), results.toString());
    assertEquals(id, results.get(0).targetId());
  }

  @Test
  void countFollowsPagesWhenTheServerCountIsNotFinal() throws Exception {
    org.handle(r -> r.getTarget().contains("page2")
        ? json(200, "{\"value\":[{},{}]}")
        : json(200, "{\"@odata.count\":5000,\"value\":[{},{},{}],\"@odata.nextLink\":\""
            + org.server.url("/api/data/v9.2/accounts?page2") + "\"}"));
    try (var c = org.connector(org.config(1, 2), false, false)) {
      assertEquals(5, c.count("account"));
    }
    assertEquals("odata.maxpagesize=5000", org.requests.get(0).getHeaders().get("Prefer"));
  }
}
