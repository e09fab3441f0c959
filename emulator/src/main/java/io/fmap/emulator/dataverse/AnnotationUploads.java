package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.Table;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chunked note uploads: {@code InitializeAnnotationBlocksUpload} hands out a continuation token,
 * {@code UploadBlock} stores Base64 blocks (each under 4 MB, ids at most 64 bytes), and
 * {@code CommitAnnotationBlocksUpload} joins the listed blocks into the note's documentbody,
 * subject to the same maxuploadfilesize as a direct write.
 */
final class AnnotationUploads {
  static final int MAX_BLOCK_BYTES = 4 * 1024 * 1024;

  private record Upload(ObjectNode target, Map<String, byte[]> blocks) {}

  private final Store store;
  private final RowWriter writer;
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

  AnnotationUploads(Store store, RowWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  ApiResponse initialize(ApiRequest r) {
    requirePost(r);
    ObjectNode target = target(Json.body(r));
    String token = UUID.randomUUID().toString();
    uploads.put(token, new Upload(target, new ConcurrentHashMap<>()));
    ObjectNode o = Json.object();
    o.put("FileContinuationToken", token);
    return ApiResponse.json(200, Json.write(o), 0);
  }

  ApiResponse uploadBlock(ApiRequest r) {
    requirePost(r);
    ObjectNode body = Json.body(r);
    Upload upload = upload(body);
    String blockId = body.path("BlockId").asText("");
    byte[] id = decode(blockId, "BlockId");
    if (id.length == 0 || id.length > 64) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "BlockId must be Base64 of 1 to 64 bytes.");
    }
    byte[] data = decode(body.path("BlockData").asText(""), "BlockData");
    if (data.length >= MAX_BLOCK_BYTES) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "BlockData must be smaller than 4 MB; upload smaller blocks.");
    }
    upload.blocks().put(blockId, data);
    return ApiResponse.noContent(0);
  }

  ApiResponse commit(ApiRequest r, RowWriter.Context ctx) {
    requirePost(r);
    ObjectNode body = Json.body(r);
    String token = body.path("FileContinuationToken").asText("");
    Upload upload = upload(body);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (JsonNode id : body.path("BlockList")) {
      byte[] block = upload.blocks().get(id.asText());
      if (block == null) {
        throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Block '" + id.asText() + "' in BlockList was never uploaded.");
      }
      file.writeBytes(block);
    }
    ObjectNode target = body.has("Target") ? target(body) : upload.target();
    target.put("documentbody", Base64.getEncoder().encodeToString(file.toByteArray()));
    Table table = store.read(s -> s.catalog().require("annotation"));
    Row row = store.write(tx -> {
      JsonNode id = target.get("annotationid");
      if (id != null && !id.isNull()) {
        UUID uuid = ColumnValues.guid(id);
        var existing = store.get("annotation", uuid);
        if (existing.isPresent()) {
          target.remove("annotationid");
          return writer.update(tx, table, existing.get(), target, ctx, java.util.Set.of());
        }
      }
      return writer.create(tx, table, target, ctx);
    });
    uploads.remove(token);
    ObjectNode o = Json.object();
    o.put("AnnotationId", row.id().toString());
    o.put("FileSizeInBytes", file.size());
    return ApiResponse.json(200, Json.write(o), 1);
  }

  private Upload upload(ObjectNode body) {
    Upload u = uploads.get(body.path("FileContinuationToken").asText(""));
    if (u == null) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The FileContinuationToken is unknown or was already committed; start again with InitializeAnnotationBlocksUpload.");
    }
    return u;
  }

  private static ObjectNode target(ObjectNode body) {
    JsonNode target = body.get("Target");
    if (!(target instanceof ObjectNode t)) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Target must be an annotation object with \"@odata.type\": \"Microsoft.Dynamics.CRM.annotation\".");
    }
    String type = t.path("@odata.type").asText("");
    if (!type.endsWith("Microsoft.Dynamics.CRM.annotation")) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "Target must have \"@odata.type\": \"Microsoft.Dynamics.CRM.annotation\".");
    }
    ObjectNode copy = t.deepCopy();
    copy.remove("@odata.type");
    return copy;
  }

  private static byte[] decode(String text, String field) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, field + " is not valid Base64.");
    }
  }

  private static void requirePost(ApiRequest r) {
    if (!r.method().equals("POST")) throw MetadataApi.methodNotAllowed(r.method());
  }

}
