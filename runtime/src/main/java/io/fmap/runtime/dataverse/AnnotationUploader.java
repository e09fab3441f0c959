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
 * Notes whose file is too big for one request body (over 4 MB): written with the block upload
 * messages {@code InitializeAnnotationBlocksUpload}, {@code UploadBlock} (4 MB each) and
 * {@code CommitAnnotationBlocksUpload}. The commit creates the note with fmap's id, or replaces the
 * file of the note that has it: the file pass writes bodies to notes the load made (the shared
 * reference, section 9: the note messages are not create-only, as the attachment ones are). So an
 * upload whose outcome is unknown is done again in full, with a new continuation token, and writes
 * the same body again.
 *
 * <p>Why no look-up first: the uploader used to take a note that exists as done, right for a create
 * but not for the file pass, whose note always exists: a body between 4 Mi characters of Base64
 * and the org's limit was reported written and never sent.
 */
final class AnnotationUploader {
  /** Inline Base64 above this goes in blocks; also the block size. */
  static final int BLOCK = 4 * 1024 * 1024;
  private static final int ATTEMPTS = 3;

  private AnnotationUploader() {}

  static WriteResult upload(DataverseClient client, PreparedRow row, String base64) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(client, row, base64);
      } catch (OutcomeUnknownException e) {
        if (attempt >= ATTEMPTS) throw e;
      }
    }
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
