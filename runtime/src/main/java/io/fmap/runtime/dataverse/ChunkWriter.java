package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one chunk of rows of one table through one identity, with the fastest path the table allows:
 * {@code UpsertMultiple}/{@code CreateMultiple} when {@code sdkmessagefilters} says the table supports
 * it, else {@code $batch} with {@code continue-on-error}, else single requests. A bulk message is all or
 * nothing, so a rejected one is split in halves until the bad rows stand alone, each reported with
 * the server's code and message.
 */
final class ChunkWriter {
  /** Create of an id that exists: for an id fmap chose, an earlier attempt of this very write landed. */
  static final Set<String> DUPLICATE_KEY = Set.of("0x80040237");

  private final BulkSupport bulk;
  private final boolean useBulk;
  private final boolean useBatch;

  ChunkWriter(BulkSupport bulk, boolean useBulk, boolean useBatch) {
    this.bulk = bulk;
    this.useBulk = useBulk;
    this.useBatch = useBatch;
  }

  List<WriteResult> write(DataverseClient client, Table table, List<PreparedRow> rows) throws IOException {
    Map<Integer, WriteResult> out = new HashMap<>(rows.size() * 2); // sized once: a 100-row chunk resized it four times
    List<PreparedRow> creates = new ArrayList<>();
    List<PreparedRow> upserts = new ArrayList<>();
    List<PreparedRow> other = new ArrayList<>();
    for (PreparedRow r : rows) {
      if (r.deepInsert() || r.updateOnly()) other.add(r);
      else if (r.creates()) creates.add(r);
      else upserts.add(r);
    }
    bulkOrBatch(client, table, "CreateMultiple", creates, out);
    bulkOrBatch(client, table, "UpsertMultiple", upserts, out);
    batchOrSingle(client, table, other, out);
    List<WriteResult> results = new ArrayList<>(rows.size());
    for (PreparedRow r : rows) results.add(out.get(r.index()));
    return results;
  }

  private void bulkOrBatch(DataverseClient client, Table table, String message, List<PreparedRow> rows,
                           Map<Integer, WriteResult> out) throws IOException {
    if (rows.isEmpty()) return;
    if (useBulk && rows.size() > 1 && bulk.supports(client, message, table.name())) {
      bisect(client, table, message, rows, out);
    } else {
      batchOrSingle(client, table, rows, out);
    }
  }

  /** Sends a bulk message; when the server rejects it, halves it until each bad row is alone. */
  private void bisect(DataverseClient client, Table table, String message, List<PreparedRow> rows,
                      Map<Integer, WriteResult> out) throws IOException {
    ApiResponse r;
    try {
      r = client.send(ApiRequest.json("POST", table.entitySetName() + "/Microsoft.Dynamics.CRM." + message,
          bulkBody(table, message, rows), message.equals("UpsertMultiple")));
    } catch (OutcomeUnknownException e) {
      // Some rows may have landed: per-row requests tell which (a duplicate id is one that did).
      batchOrSingle(client, table, rows, out);
      return;
    }
    if (r.ok()) {
      for (PreparedRow row : rows) out.put(row.index(), WriteResult.written(row.sourceId(), row.id(), r.code()));
      return;
    }
    if (rows.size() == 1 || r.code() >= 500) {
      if (rows.size() == 1 && r.code() < 500) {
        single(client, table, rows.get(0), out); // a single request gives the row's own answer and code
      } else {
        for (PreparedRow row : rows) out.put(row.index(), failed(row, r.error()));
      }
      return;
    }
    int half = rows.size() / 2;
    bisect(client, table, message, rows.subList(0, half), out);
    bisect(client, table, message, rows.subList(half, rows.size()), out);
  }

  private static byte[] bulkBody(Table table, String message, List<PreparedRow> rows) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode targets = root.putArray("Targets");
    for (PreparedRow row : rows) {
      ObjectNode t = targets.addObject();
      t.put("@odata.type", "Microsoft.Dynamics.CRM." + table.name());
      if (message.equals("UpsertMultiple")) t.put("@odata.id", ODataKeys.path(table.entitySetName(), row.address()));
      t.setAll(row.body());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void batchOrSingle(DataverseClient client, Table table, List<PreparedRow> rows,
                             Map<Integer, WriteResult> out) throws IOException {
    if (rows.isEmpty()) return;
    if (useBatch && rows.size() > 1 && batch(client, table, rows, out)) return;
    for (PreparedRow row : rows) single(client, table, row, out);
  }

  /** One {@code $batch} of independent parts; false when the envelope itself was refused. */
  private boolean batch(DataverseClient client, Table table, List<PreparedRow> rows, Map<Integer, WriteResult> out)
      throws IOException {
    List<BatchCodec.Part> parts = new ArrayList<>();
    for (PreparedRow row : rows) {
      SingleRequest s = SingleRequest.of(table, row);
      parts.add(Batches.part(client, s.method(), s.path(), s.headers(), row.body().toString()));
    }
    Optional<List<BatchCodec.PartResponse>> sent = Batches.send(client, parts);
    if (sent.isEmpty()) return false;
    List<BatchCodec.PartResponse> answers = sent.get();
    if (answers.size() != rows.size()) {
      throw new IOException("$batch of " + rows.size() + " rows to " + table.entitySetName() + " came back with "
          + answers.size() + " answers");
    }
    for (int i = 0; i < rows.size(); i++) {
      BatchCodec.PartResponse a = answers.get(i);
      out.put(rows.get(i).index(), result(rows.get(i), a.status(), ServerError.parse(a.status(), a.body())));
    }
    return true;
  }

  private void single(DataverseClient client, Table table, PreparedRow row, Map<Integer, WriteResult> out)
      throws IOException {
    SingleRequest s = SingleRequest.of(table, row);
    ApiRequest request = ApiRequest.json(s.method(), s.path(), row.body().toString().getBytes(StandardCharsets.UTF_8),
        true); // upserts repeat safely; a create repeated answers "duplicate key" for the id fmap chose
    for (Map.Entry<String, String> h : s.headers().entrySet()) request = request.withHeader(h.getKey(), h.getValue());
    ApiResponse r = client.send(request);
    out.put(row.index(), result(row, r.code(), r.error()));
  }

  private static WriteResult result(PreparedRow row, int status, ServerError error) {
    if (status >= 200 && status < 300) return WriteResult.written(row.sourceId(), row.id(), status);
    if (row.creates() && DUPLICATE_KEY.contains(error.code())) return WriteResult.written(row.sourceId(), row.id(), 204);
    return failed(row, error);
  }


  private static WriteResult failed(PreparedRow row, ServerError e) {
    return WriteResult.failed(row.sourceId(), e.status(), e.code(), e.message());
  }

  /** The single-request form of a row: POST to create, PATCH to upsert (or update only). */
  record SingleRequest(String method, String path, Map<String, String> headers) {
    static SingleRequest of(Table table, PreparedRow row) {
      if (row.creates()) return new SingleRequest("POST", table.entitySetName(), Map.of());
      String path = ODataKeys.path(table.entitySetName(), row.address());
      return new SingleRequest("PATCH", path, row.updateOnly() ? Map.of("If-Match", "*") : Map.of());
    }
  }

}
