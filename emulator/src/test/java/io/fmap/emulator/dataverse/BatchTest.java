package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code $batch} as in fact sheet §3: the wire shape, change sets, Content-ID, error handling. */
class BatchTest extends SharedEmulator {

  /** The fact sheet's example request, byte for byte (CRLF line endings). */
  static final String SHEET_EXAMPLE = String.join("\r\n",
      "--batch_AAA123",
      "Content-Type: multipart/mixed; boundary=\"changeset_BBB456\"",
      "",
      "--changeset_BBB456",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "Content-ID: 1",
      "",
      "POST /api/data/v9.2/accounts HTTP/1.1",
      "Content-Type: application/json; type=entry",
      "",
      "{\"name\":\"Account in changeset\"}",
      "--changeset_BBB456",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "Content-ID: 2",
      "",
      "POST /api/data/v9.2/tasks HTTP/1.1",
      "Content-Type: application/json; type=entry",
      "",
      "{\"subject\":\"Follow up\",\"regardingobjectid_account_task@odata.bind\":\"$1\"}",
      "--changeset_BBB456--",
      "",
      "--batch_AAA123",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      "GET /api/data/v9.2/accounts?$select=name&$top=1 HTTP/1.1",
      "",
      "",
      "--batch_AAA123--",
      "");

  private Http.Answer batch(String body, String... extra) {
    String[] headers = new String[extra.length + 2];
    headers[0] = "Content-Type";
    headers[1] = "multipart/mixed; boundary=\"batch_AAA123\"";
    System.arraycopy(extra, 0, headers, 2, extra.length);
    return http.post("$batch", body, headers);
  }

  /** GUIDs and boundaries change per run; everything else in the answer is pinned. */
  static String normalise(String body) {
    return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<guid>")
        .replaceAll("http://127\\.0\\.0\\.1:\\d+", "<host>")
        .replaceAll("W/\\\\\"\\d+\\\\\"", "W/\\\\\"<n>\\\\\"");
  }

  @Test
  void sheetExampleAnswersChangeSetAndGetInOrder() {
    Http.Answer a = batch(SHEET_EXAMPLE);
    assertEquals(200, a.status(), a.body());
    assertTrue(a.header("Content-Type").startsWith("multipart/mixed; boundary=batchresponse_"));
    String expected = String.join("\r\n",
        "--batchresponse_<guid>",
        "Content-Type: multipart/mixed; boundary=changesetresponse_<guid>",
        "",
        "--changesetresponse_<guid>",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "HTTP/1.1 204 No Content",
        "OData-Version: 4.0",
        "OData-EntityId: <host>/api/data/v9.2/accounts(<guid>)",
        "Location: <host>/api/data/v9.2/accounts(<guid>)",
        "",
        "--changesetresponse_<guid>",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 2",
        "",
        "HTTP/1.1 204 No Content",
        "OData-Version: 4.0",
        "OData-EntityId: <host>/api/data/v9.2/tasks(<guid>)",
        "Location: <host>/api/data/v9.2/tasks(<guid>)",
        "",
        "--changesetresponse_<guid>--",
        "--batchresponse_<guid>",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "HTTP/1.1 200 OK",
        "Content-Type: application/json; odata.metadata=minimal",
        "OData-Version: 4.0",
        "",
        "{\"@odata.context\":\"<host>/api/data/v9.2/$metadata#accounts\",\"value\":[{\"@odata.etag\":\"W/\\\"<n>\\\"\",\"name\":\"Account in changeset\",\"accountid\":\"<guid>\"}]}",
        "--batchresponse_<guid>--",
        "");
    assertEquals(expected, normalise(a.body()));
    assertEquals(1, dv.count("task"));
    String taskRegarding = dv.rows("task").get(0).path("_regardingobjectid_value").asText();
    assertEquals(dv.rows("account").get(0).path("accountid").asText(), taskRegarding);
  }

  /**
   * The parser reads the body as bytes: LF-only line endings, header names in any case and blank
   * space around a part's JSON are accepted as before, and UTF-8 text survives both ways (the name
   * stored, the Content-ID echoed in the answer).
   */
  @Test
  void lfLineEndingsAndUtf8TextArePassedThroughIntact() {
    String body = String.join("\n",
        "--batch_AAA123",
        "content-type: application/http",
        "CONTENT-TRANSFER-ENCODING: binary",
        "Content-ID: café-1",
        "",
        "",
        "POST /api/data/v9.2/accounts HTTP/1.1",
        "content-type: application/json; type=entry",
        "",
        "  {\"name\":\"Café Zoë\"}  ",
        "",
        "--batch_AAA123--",
        "");
    Http.Answer a = batch(body);
    assertEquals(200, a.status(), a.body());
    assertEquals("Café Zoë", dv.rows("account").get(0).path("name").asText());
    assertTrue(a.body().contains("Content-ID: café-1\r\n"), a.body());
    assertTrue(a.body().contains("HTTP/1.1 204 No Content\r\n"), a.body());
  }

  @Test
  void failingChangeSetRollsBackEveryOperationInIt() {
    String body = SHEET_EXAMPLE.replace("\"Follow up\"", "\"" + "x".repeat(201) + "\"");
    Http.Answer a = batch(body);
    assertEquals(400, a.status());
    assertTrue(a.body().contains("0x80044331"), a.body());
    assertEquals(0, dv.count("account"));
    assertEquals(0, dv.count("task"));
  }

  private static String singles(String... jsonBodies) {
    StringBuilder b = new StringBuilder();
    for (String json : jsonBodies) {
      b.append("--batch_AAA123\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
          .append("POST /api/data/v9.2/accounts HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n\r\n")
          .append(json).append("\r\n");
    }
    return b.append("--batch_AAA123--\r\n").toString();
  }

  @Test
  void withoutContinueOnErrorProcessingStopsAtTheFirstFailure() {
    Http.Answer a = batch(singles("{\"name\":\"one\"}", "{\"Name\":\"bad\"}", "{\"name\":\"three\"}"));
    assertEquals(400, a.status());
    assertEquals(1, dv.count("account"));
    assertEquals(2, count(a.body(), "HTTP/1.1 "));
  }

  @Test
  void continueOnErrorRunsEveryPartAndReportsEach() {
    Http.Answer a = batch(singles("{\"name\":\"one\"}", "{\"Name\":\"bad\"}", "{\"name\":\"three\"}"), "Prefer", "odata.continue-on-error");
    assertEquals(200, a.status());
    assertEquals("odata.continue-on-error", a.header("Preference-Applied"));
    assertEquals(2, dv.count("account"));
    assertEquals(3, count(a.body(), "HTTP/1.1 "));
    assertTrue(a.body().contains("HTTP/1.1 400 Bad Request"));
  }

  @Test
  void moreThanOneThousandRequestsAreRefusedWhole() {
    String[] bodies = new String[1001];
    java.util.Arrays.fill(bodies, "{\"name\":\"n\"}");
    Http.Answer a = batch(singles(bodies));
    assertEquals(400, a.status());
    assertTrue(a.message().contains("1000"), a.body());
    assertEquals(0, dv.count("account"));
  }

  @Test
  void getInsideAChangeSetIsRejected() {
    String body = SHEET_EXAMPLE.replace("POST /api/data/v9.2/tasks HTTP/1.1", "GET /api/data/v9.2/tasks HTTP/1.1");
    Http.Answer a = batch(body, "Prefer", "odata.continue-on-error");
    assertTrue(a.body().contains("GET requests are not allowed inside a change set"), a.body());
    assertEquals(0, dv.count("account"));
  }

  @Test
  void undeclaredContentIdReferenceIsReported() {
    String body = SHEET_EXAMPLE.replace("\"$1\"", "\"$7\"");
    Http.Answer a = batch(body);
    assertEquals(400, a.status());
    assertTrue(a.body().contains("Content-ID Reference: '$7' does not exist in the batch context."), a.body());
  }

  private static int count(String haystack, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
