package io.fmap.runtime.dataverse;

import static io.fmap.runtime.dataverse.FakeOrg.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.target.EntityRef;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.WriteResult;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnnotationFilesTest {
  private final FakeOrg org;

  AnnotationFilesTest() throws Exception { org = new FakeOrg(); }

  @AfterEach void stop() { org.close(); }

  private static RowWrite note(String id, int fileBytes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", "Contract");
    body.put("filename", "contract scan.pdf");
    body.put("documentbody", Base64.getEncoder().encodeToString(new byte[fileBytes]));
    body.put("objectid_account", new EntityRef("accounts", new RowAddress.ById(new UUID(0, 7))));
    return new RowWrite(id, RowAddress.ByKey.of("fmap_sourceid", id), body);
  }

  @Test
  void aFileOver4MbIsUploadedInBlocks() throws Exception {
    org.handle(r -> {
      String path = r.getUrl().encodedPath();
      if (path.endsWith("InitializeAnnotationBlocksUpload")) return json(200, "{\"FileContinuationToken\":\"tok\"}");
      if (path.endsWith("CommitAnnotationBlocksUpload")) return json(200, "{\"FileSizeInBytes\":4000000}");
      return json(204, "");
    });
    List<WriteResult> results;
    try (var c = org.connector(org.config(10, 2), false, true)) {
      results = c.write("annotation", List.of(note("N1", 3_200_000))); // 4.27 MB of Base64
    }
    assertTrue(results.get(0).ok(), results.toString());
    List<String> calls = org.requests.stream().map(r -> r.getMethod() + " " + last(r)).toList();
    assertEquals(List.of("POST InitializeAnnotationBlocksUpload", "POST UploadBlock", "POST CommitAnnotationBlocksUpload"), calls);
    JsonNode init = Json.MAPPER.readTree(org.requests.get(0).getBody().utf8());
    assertEquals("Microsoft.Dynamics.CRM.annotation", init.get("Target").get("@odata.type").asText());
    assertTrue(!init.get("Target").has("documentbody"));
    assertEquals("/accounts(00000000-0000-0000-0000-000000000007)",
        init.get("Target").get("objectid_account@odata.bind").asText());
    JsonNode commit = Json.MAPPER.readTree(org.requests.get(2).getBody().utf8());
    assertEquals(1, commit.get("BlockList").size());
    assertEquals("tok", commit.get("FileContinuationToken").asText());
  }

  @Test
  void anUploadWhoseCommitMayOrMayNotHaveLandedIsDoneAgainInFull() throws Exception {
    java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
    org.handle(r -> {
      String path = r.getUrl().encodedPath();
      if (path.endsWith("InitializeAnnotationBlocksUpload")) return json(200, "{\"FileContinuationToken\":\"tok\"}");
      if (path.endsWith("CommitAnnotationBlocksUpload")) {
        return commits.incrementAndGet() == 1 ? FakeOrg.error(503, "", "Service Unavailable") : json(200, "{}");
      }
      return json(204, "");
    });
    List<WriteResult> results;
    try (var c = org.connector(org.config(10, 2), false, true)) {
      results = c.write("annotation", List.of(note("N1", 3_200_000)));
    }
    assertTrue(results.get(0).ok(), results.toString());
    assertEquals(List.of("POST InitializeAnnotationBlocksUpload", "POST UploadBlock", "POST CommitAnnotationBlocksUpload",
        "POST InitializeAnnotationBlocksUpload", "POST UploadBlock", "POST CommitAnnotationBlocksUpload"),
        org.requests.stream().map(r -> r.getMethod() + " " + last(r)).toList(),
        "a commit is not resent on its own: its token may be spent; the whole upload is");
  }

  @Test
  void aFileOverTheOrgsLimitGoesToTheLargeFileStoreAndTheNoteKeepsTheLink() throws Exception {
    org.handle(r -> json(204, ""));
    List<WriteResult> results;
    try (var c = org.connector(org.config(10, 2), false, false)) {
      results = c.write("annotation", List.of(note("N2", 4_600_000))); // 6.1 MB of Base64 > 6,000,000
    }
    assertTrue(results.get(0).ok(), results.toString());
    assertEquals(1, org.files.kept().size());
    String link = org.files.kept().get(0).link();
    assertEquals("https://files.example/crm/annotation/N2/contract%20scan.pdf", link);
    RecordedRequest write = org.requests.get(0);
    JsonNode body = Json.MAPPER.readTree(write.getBody().utf8());
    assertTrue(!body.has("documentbody"));
    assertTrue(body.get("notetext").asText().endsWith("it is kept at " + link), body.toString());
  }

  /** The org checks maxuploadfilesize on the Base64 body: 6,000,000 characters are 4,500,000 bytes of file. */
  @Test
  void theLargestFileANoteTakesIsTheOneWhoseBase64FitsTheOrgsLimit() {
    try (var c = org.connector(org.config(10, 2), false, false)) {
      assertEquals(4_500_000, c.maxFileBytes("annotation"));
      assertEquals(6_000_000, Base64.getEncoder().encodeToString(new byte[4_500_000]).length());
    }
  }

  /** The load's file pass hands over a body too large for the org: stored, and the note gets the link instead. */
  @Test
  void aStreamedLargeFileIsStoredAndTheNoteColumnsLinkToIt() throws Exception {
    try (var c = org.connector(org.config(10, 2), false, false)) {
      Map<String, Object> columns = c.storeLargeFile("annotation", "fil-1", "site survey.mp4",
          new java.io.ByteArrayInputStream(new byte[10]));
      String link = "https://files.example/crm/annotation/fil-1/site%20survey.mp4";
      assertEquals(Map.of("notetext", "File site survey.mp4 is larger than this org accepts (maxuploadfilesize 6000000 "
          + "bytes of Base64); it is kept at " + link), columns);
      assertEquals(link, org.files.kept().get(0).link());
      var refused = assertThrows(java.io.IOException.class,
          () -> c.storeLargeFile("task", "t-1", "x.bin", new java.io.ByteArrayInputStream(new byte[1])));
      assertTrue(refused.getMessage().contains("task has no note text"), refused.getMessage());
    }
    assertTrue(org.requests.isEmpty(), "storing sends nothing to the org: the file pass writes the columns");
  }

  private static String last(RecordedRequest r) {
    var segments = r.getUrl().pathSegments();
    return segments.get(segments.size() - 1);
  }
}
