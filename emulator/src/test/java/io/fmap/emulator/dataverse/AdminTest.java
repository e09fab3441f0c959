package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.emulator.generate.SampleUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin endpoints, snapshots and the chunked note upload. */
class AdminTest {
  @Test
  void statsCountRequestsAndRowsAndResetRestoresTheSeed() {
    try (DataverseEmulator dv = Emulators.start()) {
      Http http = new Http(dv);
      http.post("accounts", "{\"name\":\"A\"}");
      http.post("accounts", "{\"name\":\"B\"}");
      JsonNode stats = http.get(dv.rootUrl() + "/_emulator/stats").json();
      assertEquals(2, stats.path("requests").asInt());
      assertEquals(2, stats.path("rows").path("account").asInt());
      assertEquals(SampleUsers.inDynamics().size() + 1, stats.path("rows").path("systemuser").asInt(),
          "the sample roster's Dynamics users and one application user");
      assertEquals(204, http.post(dv.rootUrl() + "/_emulator/reset", "").status());
      JsonNode after = http.get(dv.rootUrl() + "/_emulator/stats").json();
      assertTrue(after.path("rows").path("account").isMissingNode());
      assertEquals(1, after.path("rows").path("team").asInt());
    }
  }

  @Test
  void snapshotSavedOnCloseIsLoadedOnStart(@TempDir Path dir) {
    Path file = dir.resolve("org.json");
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withSnapshot(file))) {
      Http http = new Http(dv);
      http.post("EntityDefinitions(LogicalName='account')/Attributes", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Code\"}");
      http.post("accounts", "{\"name\":\"Kept\",\"new_code\":\"K\"}");
    }
    assertTrue(Files.exists(file));
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withSnapshot(file))) {
      JsonNode rows = new Http(dv).get("accounts?$select=name,new_code").json().path("value");
      assertEquals(1, rows.size());
      assertEquals("K", rows.get(0).path("new_code").asText());
    }
  }

  @Test
  void chunkedNoteUploadJoinsBlocksInListedOrder() {
    try (DataverseEmulator dv = Emulators.start()) {
      Http http = new Http(dv);
      String account = Http.idOf(http.post("accounts", "{\"name\":\"A\"}"));
      String token = http.post("InitializeAnnotationBlocksUpload", "{\"Target\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.annotation\","
          + "\"subject\":\"file\",\"filename\":\"a.txt\",\"objectid_account@odata.bind\":\"/accounts(" + account + ")\"}}").json()
          .path("FileContinuationToken").asText();
      String b1 = Base64.getEncoder().encodeToString("block-1".getBytes());
      String b2 = Base64.getEncoder().encodeToString("block-2".getBytes());
      assertEquals(204, http.post("UploadBlock", "{\"BlockId\":\"" + b2 + "\",\"BlockData\":\"" + enc("world") + "\",\"FileContinuationToken\":\"" + token + "\"}").status());
      assertEquals(204, http.post("UploadBlock", "{\"BlockId\":\"" + b1 + "\",\"BlockData\":\"" + enc("hello ") + "\",\"FileContinuationToken\":\"" + token + "\"}").status());
      Http.Answer commit = http.post("CommitAnnotationBlocksUpload", "{\"Target\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.annotation\","
          + "\"subject\":\"file\",\"filename\":\"a.txt\",\"objectid_account@odata.bind\":\"/accounts(" + account + ")\"},"
          + "\"BlockList\":[\"" + b1 + "\",\"" + b2 + "\"],\"FileContinuationToken\":\"" + token + "\"}");
      assertEquals(200, commit.status(), commit.body());
      assertEquals(11, commit.json().path("FileSizeInBytes").asInt());
      String id = commit.json().path("AnnotationId").asText();
      String body = http.get("annotations(" + id + ")/documentbody/$value").body();
      assertEquals("hello world", new String(Base64.getDecoder().decode(body)));
      assertEquals(400, http.post("UploadBlock", "{\"BlockId\":\"" + b1 + "\",\"BlockData\":\"" + enc("x") + "\",\"FileContinuationToken\":\"" + token + "\"}").status(),
          "a committed token is spent");
    }
  }

  private static String enc(String s) { return Base64.getEncoder().encodeToString(s.getBytes()); }
}
