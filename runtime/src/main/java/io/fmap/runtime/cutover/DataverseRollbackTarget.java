package io.fmap.runtime.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.StateChange;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.dataverse.ApiRequest;
import io.fmap.runtime.dataverse.ApiResponse;
import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.dataverse.SchemaRemover;
import io.fmap.runtime.dataverse.ServerError;
import io.fmap.runtime.ledger.AppliedSchemaChange;
import io.fmap.runtime.target.Link;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rollback against the Dataverse Web API: {@code DELETE entityset(id)} and {@code PATCH entityset(id)} (a
 * closed row reopened first), {@code DELETE entityset(id)/nav(otherId)/$ref} for links; one row at a time per
 * request sequence, spread over the connector's identities and sent in parallel (each identity's client
 * keeps its own throttle gate, so parallel requests still honour 429s).
 */
public final class DataverseRollbackTarget implements RollbackTarget {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  /** Number columns: the ledger's before-image may hold their values as text (a double is kept as its text). */
  private static final Set<ColumnType> NUMBERS = EnumSet.of(ColumnType.INT, ColumnType.BIGINT, ColumnType.DECIMAL,
      ColumnType.DOUBLE, ColumnType.MONEY);

  private final DataverseTargetConnector connector;
  private final List<DataverseClient> clients;
  private final SystemSchema schema;
  private final int parallelism;

  public DataverseRollbackTarget(DataverseTargetConnector connector, SystemSchema schema, int parallelism) {
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    this.connector = connector;
    this.clients = connector.clients();
    this.schema = schema;
    this.parallelism = parallelism;
  }

  @Override
  public List<WriteResult> delete(String tableName, List<Removal> rows) throws IOException {
    Table table = table(tableName);
    List<RowCall> calls = new ArrayList<>();
    for (Removal row : rows) {
      // Repeatable: deleting a row twice leaves the same state (the second answer is a 404, read as done).
      ApiRequest delete = new ApiRequest("DELETE", table.entitySetName() + "(" + row.id() + ")", Map.of(), null, null, true);
      ApiRequest sent = row.version() == null ? delete : delete.withHeader("If-Match", row.version());
      calls.add(client -> result(row.id(), client.send(sent), true, CREATED_ROW_CHANGED));
    }
    return sendAll(calls);
  }

  @Override
  public List<WriteResult> restore(String tableName, List<Restore> rows) throws IOException {
    Table table = table(tableName);
    List<RowCall> calls = new ArrayList<>();
    for (Restore row : rows) {
      String path = table.entitySetName() + "(" + row.id() + ")";
      Map<String, Object> columns = new LinkedHashMap<>(row.columns());
      ApiRequest reopen = null;
      Map<String, Object> closedAs = null;
      if (row.reopen()) {
        // The open state with its status reason first, the one update a closed row takes (fact sheet §2.2:
        // statecode goes with its statuscode): the reason the row had before the run, when it was open then.
        Object state = columns.remove(StateChange.STATE_COLUMN);
        Object status = columns.remove(StateChange.STATUS_COLUMN);
        Map<String, Object> open = new LinkedHashMap<>();
        open.put(StateChange.STATE_COLUMN, 0);
        if (status != null && state instanceof Number n && n.intValue() == 0) open.put(StateChange.STATUS_COLUMN, status);
        // Closed before the run too (an earlier run's close this run reopened to update the row): closed again.
        if (state instanceof Number n && n.intValue() != 0) closedAs = closedAs(row.columns());
        reopen = ApiRequest.json("PATCH", path, MAPPER.writeValueAsBytes(open), true);
        if (row.version() != null) reopen = reopen.withHeader("If-Match", row.version());
      }
      ApiRequest patch = ApiRequest.json("PATCH", path, MAPPER.writeValueAsBytes(body(table, columns)), true);
      // After our own reopen the row has a new version: the check was made on the reopen.
      ApiRequest restore = row.version() == null || reopen != null ? patch : patch.withHeader("If-Match", row.version());
      ApiRequest first = reopen;
      Map<String, Object> closeAgain = closedAs;
      calls.add(client -> {
        if (first != null) {
          WriteResult reopened = result(row.id(), client.send(first), false, UPDATED_ROW_CHANGED);
          if (!reopened.ok()) return reopened;
        }
        WriteResult restored = result(row.id(), client.send(restore), false, UPDATED_ROW_CHANGED);
        return restored.ok() && closeAgain != null ? closeAgain(client, table, row.id(), closeAgain) : restored;
      });
    }
    return sendAll(calls);
  }

  /**
   * What closing a row again sends: its state and status reason as they were, with the columns a close
   * action records (an opportunity's name, actual value and close date) from the before-image.
   */
  private static Map<String, Object> closedAs(Map<String, Object> image) {
    Map<String, Object> columns = new TreeMap<>();
    image.forEach((column, value) -> {
      if (value == null || value instanceof Map<?, ?>) return; // a lookup: the close needs none
      // JSON keeps a date as text; the close action takes the date itself.
      if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) columns.put(column, LocalDate.parse(text));
      else columns.put(column, value);
    });
    return columns;
  }

  /**
   * Closes a restored row again the way the target closes it ({@code changeState}: an update, or WinOpportunity
   * / LoseOpportunity). A close action records a close activity of its own; the one the earlier close made is
   * still there, so the new one is deleted and the row's closes are as they were.
   */
  private WriteResult closeAgain(DataverseClient client, Table table, UUID id, Map<String, Object> columns)
      throws IOException {
    TargetRow close = new TargetRow("rollback", table.name(), new SourceRef(table.name(), id.toString()),
        TargetKey.id(id), new TreeMap<>(columns), new TreeMap<>(), null, List.of());
    Optional<String> closes = connector.closeRecordTable(table.name());
    Set<UUID> before = closes.isEmpty() ? Set.of()
        : connector.closeRecords(table.name(), List.of(id)).getOrDefault(id, Set.of());
    WriteResult closed = connector.changeState(table.name(), List.of(close)).get(0);
    if (!closed.ok()) return WriteResult.failed(id.toString(), closed.status(), closed.code(), closed.message());
    if (closes.isPresent()) {
      for (UUID made : connector.closeRecords(table.name(), List.of(id)).getOrDefault(id, Set.of())) {
        if (before.contains(made)) continue;
        ApiResponse deleted = client.send(new ApiRequest("DELETE", table(closes.get()).entitySetName() + "(" + made
            + ")", Map.of(), null, null, true));
        if (!deleted.ok() && deleted.code() != 404) return result(id, deleted, true, UPDATED_ROW_CHANGED);
      }
    }
    return WriteResult.written(id.toString(), id, closed.status());
  }

  @Override
  public List<WriteResult> disassociate(String tableName, String navigationProperty, String otherTable, List<Link> links)
      throws IOException {
    Table table = table(tableName);
    table(otherTable);
    List<RowCall> calls = new ArrayList<>();
    for (Link link : links) {
      // Repeatable: a link already undone answers 404, read as done.
      ApiRequest delete = new ApiRequest("DELETE", table.entitySetName() + "(" + link.id() + ")/" + navigationProperty
          + "(" + link.otherId() + ")/$ref", Map.of(), null, null, true);
      calls.add(client -> result(link.id(), client.send(delete), true, UPDATED_ROW_CHANGED));
    }
    return sendAll(calls);
  }

  @Override
  public Map<UUID, String> versions(String tableName, List<UUID> ids) throws IOException {
    Map<UUID, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) return out;
    connector.rows(tableName, ids, List.of()).forEach((id, row) -> {
      if (row.version() != null) out.put(id, row.version());
    });
    return out;
  }

  @Override
  public void removeSchemaChange(AppliedSchemaChange change) throws IOException {
    new SchemaRemover(clients.get(0)).remove(change);
  }

  /** Plain columns as they are; a lookup becomes a bind (or a cleared bind) of its navigation property. */
  private Map<String, Object> body(Table table, Map<String, Object> columns) {
    Map<String, Object> body = new LinkedHashMap<>();
    columns.forEach((name, value) -> {
      Column column = table.column(name).orElseThrow(() -> new IllegalArgumentException("the before-image of a "
          + table.name() + " row names column '" + name + "', which the target schema does not have"));
      if (column.targets().isEmpty()) {
        // Dataverse refuses a number sent as text ("Cannot convert the literal ... to Edm.Decimal").
        body.put(name, value instanceof String text && NUMBERS.contains(column.type()) ? new BigDecimal(text) : value);
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

  /** The requests for one row, sent in order through one client. */
  @FunctionalInterface
  private interface RowCall {
    WriteResult send(DataverseClient client) throws IOException;
  }

  private List<WriteResult> sendAll(List<RowCall> calls) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, calls.size())));
    try {
      List<Future<WriteResult>> futures = new ArrayList<>();
      for (int i = 0; i < calls.size(); i++) {
        DataverseClient client = clients.get(i % clients.size());
        RowCall call = calls.get(i);
        futures.add(pool.submit(() -> call.send(client)));
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

  private static final String UPDATED_ROW_CHANGED = "the row was changed in the target after the run wrote it, so "
      + "its earlier values were not put back over that change; check the row, then `fmap rollback --force` puts "
      + "them back anyway";
  private static final String CREATED_ROW_CHANGED = "the row the run created was changed in the target since, so "
      + "it was not deleted with that change; check the row, then `fmap rollback --force` deletes it anyway";

  private static WriteResult result(UUID id, ApiResponse response, boolean goneIsDone, String changedMessage) {
    if (response.ok() || (goneIsDone && response.code() == 404)) {
      return WriteResult.written(id.toString(), id, response.ok() ? response.code() : 204);
    }
    ServerError error = response.error();
    if (response.code() == 412) {
      return WriteResult.failed(id.toString(), 412, CHANGED_IN_TARGET, changedMessage);
    }
    return WriteResult.failed(id.toString(), response.code(), error.code(), error.message());
  }

  private Table table(String name) {
    return Lookups.table(schema, name);
  }
}
