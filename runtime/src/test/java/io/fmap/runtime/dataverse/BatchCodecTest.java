package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire shapes of the fact sheet's {@code $batch} section (3.2 and 3.3). */
class BatchCodecTest {

  @Test
  void encodesIndependentPartsInTheDocumentedShape() {
    byte[] body = BatchCodec.encode("batch_AAA123", List.of(
        new BatchCodec.Part("POST", "/api/data/v9.2/tasks", Map.of(), "{\"subject\":\"Follow up\"}"),
        new BatchCodec.Part("PATCH", "/api/data/v9.2/accounts(accountnumber='A1')",
            Map.of("MSCRM.BypassBusinessLogicExecution", "CustomSync"), "{\"name\":\"A\"}")));
    String expected = String.join("\r\n",
        "--batch_AAA123",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "POST /api/data/v9.2/tasks HTTP/1.1",
        "Content-Type: application/json; type=entry",
        "",
        "{\"subject\":\"Follow up\"}",
        "--batch_AAA123",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "PATCH /api/data/v9.2/accounts(accountnumber='A1') HTTP/1.1",
        "Content-Type: application/json; type=entry",
        "MSCRM.BypassBusinessLogicExecution: CustomSync",
        "",
        "{\"name\":\"A\"}",
        "--batch_AAA123--",
        "");
    assertEquals(expected, new String(body, StandardCharsets.UTF_8));
    assertEquals("multipart/mixed; boundary=\"batch_AAA123\"", BatchCodec.contentType("batch_AAA123"));
  }

  @Test
  void decodesAContinueOnErrorResponseWithAChangeSetAndAFailedPart() {
    String response = String.join("\r\n",
        "--batchresponse_c1",
        "Content-Type: multipart/mixed; boundary=changesetresponse_d2",
        "",
        "--changesetresponse_d2",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "HTTP/1.1 204 No Content",
        "OData-Version: 4.0",
        "Location: https://org.crm.dynamics.com/api/data/v9.2/accounts(7eb682f1-ca75-e511-80d4-00155d2a68d1)",
        "OData-EntityId: https://org.crm.dynamics.com/api/data/v9.2/accounts(7eb682f1-ca75-e511-80d4-00155d2a68d1)",
        "",
        "",
        "--changesetresponse_d2--",
        "--batchresponse_c1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "HTTP/1.1 400 Bad Request",
        "REQ_ID: 5ecd1cb3-1730-4ffc-909c-d44c22270026",
        "Content-Type: application/json; odata.metadata=minimal",
        "OData-Version: 4.0",
        "",
        "{\"error\":{\"code\":\"0x80044331\",\"message\":\"A validation error occurred.\"}}",
        "--batchresponse_c1--",
        "");
    List<BatchCodec.PartResponse> parts =
        BatchCodec.decode("multipart/mixed; boundary=batchresponse_c1", response);
    assertEquals(2, parts.size());
    assertEquals(204, parts.get(0).status());
    assertEquals("https://org.crm.dynamics.com/api/data/v9.2/accounts(7eb682f1-ca75-e511-80d4-00155d2a68d1)",
        parts.get(0).header("OData-EntityId"));
    assertEquals(400, parts.get(1).status());
    ServerError e = ServerError.parse(400, parts.get(1).body());
    assertEquals("0x80044331", e.code());
    assertEquals("A validation error occurred.", e.message());
  }

  @Test
  void encodesNonAsciiTextAsUtf8() {
    byte[] body = BatchCodec.encode("b", List.of(
        new BatchCodec.Part("PATCH", "/api/data/v9.2/accounts(fmap_sourceid='Z%C3%B6')", Map.of(), "{\"name\":\"Café Zoë\"}")));
    String text = new String(body, StandardCharsets.UTF_8);
    assertTrue(text.contains("\r\n{\"name\":\"Café Zoë\"}\r\n--b--\r\n"), text);
    assertEquals(text.length() + 2, body.length); // é and ë take two bytes each
  }

  @Test
  void decodesLfOnlyAnswersAndReadsPartHeadersByAnyCase() {
    String response = String.join("\n",
        "preamble the reader skips",
        "--batchresponse_x",
        "content-type: application/http",
        "",
        "HTTP/1.1 204 No Content",
        "odata-entityid: http://h/api/data/v9.2/accounts(1)",
        "OData-Version: 4.0",
        "",
        "",
        "--batchresponse_x",
        "Content-Type: application/http",
        "",
        "HTTP/1.1 412 Precondition Failed",
        "Content-Type: application/json",
        "",
        "  {\"error\":{\"code\":\"0x80040237\",\"message\":\"Cannot insert duplicate key.\"}}  ",
        "",
        "--batchresponse_x--",
        "");
    List<BatchCodec.PartResponse> parts = BatchCodec.decode("multipart/mixed; boundary=\"batchresponse_x\"", response);
    assertEquals(2, parts.size());
    assertEquals("", parts.get(0).body());
    assertEquals("http://h/api/data/v9.2/accounts(1)", parts.get(0).header("OData-EntityId"));
    assertEquals(Map.of("odata-entityid", "http://h/api/data/v9.2/accounts(1)", "odata-version", "4.0"), parts.get(0).headers());
    assertEquals(412, parts.get(1).status());
    assertEquals("{\"error\":{\"code\":\"0x80040237\",\"message\":\"Cannot insert duplicate key.\"}}", parts.get(1).body());
  }
}
