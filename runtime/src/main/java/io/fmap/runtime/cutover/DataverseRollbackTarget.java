package io.fmap.runtime.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.dataverse.ApiRequest;
import io.fmap.runtime.dataverse.ApiResponse;
import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.dataverse.ServerError;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.Column;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rollback against the Dataverse Web API: {@code DELETE entityset(id)} and {@code PATCH entityset(id)},
 * one request per row, spread over the connector's identities and sent in parallel (each identity's
 * client keeps its own throttle gate, so parallel requests still honour 429s).
 */
public final class DataverseRollbackTarget implements RollbackTarget {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<DataverseClient> clients;
  private final SystemSchema schema;
  private final int parallelism;

  public DataverseRollbackTarget(DataverseTargetConnector connector, SystemSchema schema, int parallelism) {
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    this.clients = connector.clients();
    this.schema = schema;
    this.parallelism = parallelism;
  }

  @Override
  public List<WriteResult> delete(String tableName, List<UUID> ids) throws IOException {
    Table table = table(tableName);
    List<ApiRequest> requests = new ArrayList<>();
    for (UUID id : ids) {
      // Repeatable: deleting a row twice leaves the same state (the second answer is a 404, read as done).
      requests.add(new ApiRequest("DELETE", table.entitySetName() + "(" + id + ")", Map.of(), null, null, true));
    }
    return sendAll(ids, requests, true);
  }

  @Override
  public List<WriteResult> restore(String tableName, List<Restore> rows) throws IOException {
    Table table = table(tableName);
    List<ApiRequest> requests = new ArrayList<>();
    for (Restore row : rows) {
      byte[] body = MAPPER.writeValueAsBytes(body(table, row.columns()));
      ApiRequest patch = ApiRequest.json("PATCH", table.entitySetName() + "(" + row.id() + ")", body, true);
      requests.add(row.version() == null ? patch : patch.withHeader("If-Match", row.version()));
    }
    return sendAll(rows.stream().map(Restore::id).toList(), requests, false);
  }

  /** Plain columns as they are; a lookup becomes a bind (or a cleared bind) of its navigation property. */
  private Map<String, Object> body(Table table, Map<String, Object> columns) {
    Map<String, Object> body = new LinkedHashMap<>();
    columns.forEach((name, value) -> {
      Column column = table.column(name).orElseThrow(() -> new IllegalArgumentException("the before-image of a "
          + table.name() + " row names column '" + name + "', which the target schema does not have"));
      if (column.targets().isEmpty()) {
        body.put(name, value);
        return;
      }
      if (value == null) {
        // Clearing a lookup: any of its navigation properties names it (polymorphic ones share the column).
        body.put(column.targets().get(0).navigationProperty() + "@odata.bind", null);
        return;
      }
      String pointsTo;
      Object id;
      if (value instanceof Map<?, ?> ref) {
        pointsTo = String.valueOf(ref.get("table"));
        id = ref.get("id");
      } else if (column.targets().size() == 1) {
        pointsTo = column.targets().get(0).table();
        id = value;
      } else {
        throw new IllegalArgumentException("the before-image of a " + table.name() + " row gives " + name
            + " an id without saying which of its " + column.targets().size() + " tables it points to");
      }
      var target = column.target(pointsTo).orElseThrow(() -> new IllegalArgumentException("the before-image of a "
          + table.name() + " row points " + name + " to table " + pointsTo + ", which that column cannot point to"));
      body.put(target.navigationProperty() + "@odata.bind", "/" + table(target.table()).entitySetName() + "(" + id + ")");
    });
    return body;
  }

  private List<WriteResult> sendAll(List<UUID> ids, List<ApiRequest> requests, boolean goneIsDone) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, requests.size())));
    try {
      List<Future<WriteResult>> futures = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        DataverseClient client = clients.get(i % clients.size());
        ApiRequest request = requests.get(i);
        UUID id = ids.get(i);
        futures.add(pool.submit(() -> result(id, client.send(request), goneIsDone)));
      }
      List<WriteResult> results = new ArrayList<>();
      for (Future<WriteResult> f : futures) results.add(f.get());
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rolling back; the ledger knows what was announced", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IOException("rollback request failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static WriteResult result(UUID id, ApiResponse response, boolean goneIsDone) {
    if (response.ok() || (goneIsDone && response.code() == 404)) {
      return WriteResult.written(id.toString(), id, response.ok() ? response.code() : 204);
    }
    ServerError error = response.error();
    if (response.code() == 412) {
      return WriteResult.failed(id.toString(), 412, CHANGED_IN_TARGET, "the row was changed in the target after "
          + "the run wrote it, so its earlier values were not put back over that change; check the row, then "
          + "`fmap rollback --force` puts them back anyway");
    }
    return WriteResult.failed(id.toString(), response.code(), error.code(), error.message());
  }

  private Table table(String name) {
    return Lookups.table(schema, name);
  }
}
