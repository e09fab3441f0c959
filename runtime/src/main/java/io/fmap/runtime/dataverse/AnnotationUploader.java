package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.target.WriteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Notes whose file is too big for one request body (over 4 MB): created with the block upload
 * messages {@code InitializeAnnotationBlocksUpload}, {@code UploadBlock} (4 MB each) and
 * {@code CommitAnnotationBlocksUpload}. The commit creates the note, so it is not repeated blindly:
 * before every attempt the note's id (chosen by fmap) is looked up, and a note that exists is done.
 */
final class AnnotationUploader {
  /** Inline Base64 above this goes in blocks; also the block size. */
  static final int BLOCK = 4 * 1024 * 1024;
  private static final int ATTEMPTS = 3;

  private AnnotationUploader() {}

  static WriteResult upload(DataverseClient client, PreparedRow row, String base64) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (exists(client, row)) return WriteResult.written(row.sourceId(), row.id(), 204);
      try {
        return once(client, row, base64);
      } catch (OutcomeUnknownException e) {
        if (attempt >= ATTEMPTS) throw e;
      }
    }
  }

  private static boolean exists(DataverseClient client, PreparedRow row) throws IOException {
    ApiResponse r = client.send(ApiRequest.get("annotations(" + row.id() + ")?$select=annotationid"));
    if (r.code() == 404) return false;
    if (!r.ok()) throw new IOException("cannot check whether note " + row.id() + " exists: " + r.error());
    return true;
  }

  private static WriteResult once(DataverseClient client, PreparedRow row, String base64) throws IOException {
    ObjectNode target = row.body().deepCopy();
    target.remove("documentbody");
    target.put("@odata.type", "Microsoft.Dynamics.CRM.annotation");
    ObjectNode init = Json.MAPPER.createObjectNode();
    init.set("Target", target);
    ApiResponse started = post(client, "InitializeAnnotationBlocksUpload", init, true);
    if (!started.ok()) return failed(row, started);
    String token = started.json().path("FileContinuationToken").asText();

    byte[] file = Base64.getDecoder().decode(base64);
    ArrayNode blockIds = Json.MAPPER.createArrayNode();
    for (int i = 0, offset = 0; offset < file.length; i++, offset += BLOCK) {
      // Block ids must all have the same length: a zero-padded counter, Base64-encoded.
      String id = Base64.getEncoder().encodeToString(String.format("%08d", i).getBytes(StandardCharsets.US_ASCII));
      ObjectNode block = Json.MAPPER.createObjectNode();
      block.put("BlockId", id);
      block.put("BlockData", Base64.getEncoder().encodeToString(
          Arrays.copyOfRange(file, offset, Math.min(file.length, offset + BLOCK))));
      block.put("FileContinuationToken", token);
      ApiResponse uploaded = post(client, "UploadBlock", block, true);
      if (!uploaded.ok()) return failed(row, uploaded);
      blockIds.add(id);
    }
    ObjectNode commit = Json.MAPPER.createObjectNode();
    commit.set("Target", target);
    commit.set("BlockList", blockIds);
    commit.put("FileContinuationToken", token);
    ApiResponse done = post(client, "CommitAnnotationBlocksUpload", commit, false);
    if (!done.ok()) return failed(row, done);
    JsonNode answer = done.json();
    return WriteResult.written(row.sourceId(), answer.hasNonNull("AnnotationId")
        ? java.util.UUID.fromString(answer.get("AnnotationId").asText()) : row.id(), done.code());
  }

  private static ApiResponse post(DataverseClient client, String action, ObjectNode body, boolean repeatable)
      throws IOException {
    return client.send(ApiRequest.json("POST", action, body.toString().getBytes(StandardCharsets.UTF_8), repeatable));
  }

  private static WriteResult failed(PreparedRow row, ApiResponse r) {
    ServerError e = r.error();
    return WriteResult.failed(row.sourceId(), e.status(), e.code(), e.message());
  }
}
