package io.fmap.runtime.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.StateChange;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.dataverse.ApiRequest;
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

/**
 * Rollback against the Dataverse Web API: {@code DELETE entityset(id)} and {@code PATCH entityset(id)} (a
 * closed row reopened first), {@code DELETE entityset(id)/nav(otherId)/$ref} for links. The requests of a
 * rollback batch go as {@code $batch} requests of the connector's batch size, each one request against the
 * service-protection limit, spread over the connector's identities and sent in parallel
 * ({@link DataverseTargetConnector#sendEach}); each part's answer means what the request's own would.
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

  public DataverseRollbackTarget(DataverseTargetConnector connector, SystemSchema schema) {
    this.connector = connector;
    this.clients = connector.clients();
    this.schema = schema;
  }

  @Override
  public List<WriteResult> delete(String tableName, List<Removal> rows) throws IOException {
    Table table = table(tableName);
    // Repeatable: deleting a row twice leaves the same state (the second answer is a 404, read as done).
    return connector.sendEach(rows, row -> {
      ApiRequest delete = deleteOf(table, row.id());
      return row.version() == null ? delete : delete.withHeader("If-Match", row.version());
    }, (row, status, error) -> result(row.id(), status, error, true, CREATED_ROW_CHANGED), tableName + " delete");
  }

  private static ApiRequest deleteOf(Table table, UUID id) {
    return new ApiRequest("DELETE", table.entitySetName() + "(" + id + ")", Map.of(), null, null, true);
  }

  /**
   * In up to three rounds, each one batch per chunk: the reopens of rows the run closed, then the before-images
   * of the rows whose reopen (if any) went through, then the closes again of rows that were closed before the
   * run. A row's later round waits for its earlier one, so a row is never written before it is open.
   */
  @Override
  public List<WriteResult> restore(String tableName, List<Restore> rows) throws IOException {
    Table table = table(tableName);
    List<Putback> putbacks = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) putbacks.add(putback(table, i, rows.get(i)));
    WriteResult[] results = new WriteResult[rows.size()];

    List<Putback> reopening = putbacks.stream().filter(p -> p.reopen() != null).toList();
    List<WriteResult> reopened = connector.sendEach(reopening, Putback::reopen,
        (p, status, error) -> result(p.id(), status, error, false, UPDATED_ROW_CHANGED), tableName + " reopen");
    for (int i = 0; i < reopening.size(); i++) {
      if (!reopened.get(i).ok()) results[reopening.get(i).index()] = reopened.get(i);
    }

    List<Putback> open = putbacks.stream().filter(p -> results[p.index()] == null).toList();
    List<WriteResult> restored = connector.sendEach(open, Putback::restore,
        (p, status, error) -> result(p.id(), status, error, false, UPDATED_ROW_CHANGED), tableName + " restore");
    for (int i = 0; i < open.size(); i++) results[open.get(i).index()] = restored.get(i);

    List<Putback> closing = open.stream().filter(p -> p.closedAs() != null && results[p.index()].ok()).toList();
    if (!closing.isEmpty()) {
      List<WriteResult> closed = closeAgain(table, closing);
      for (int i = 0; i < closing.size(); i++) results[closing.get(i).index()] = closed.get(i);
    }
    return List.of(results);
  }

  /**
   * One row's requests.
   *
   * @param index    its place among the rows given
   * @param reopen   the update that opens the row first, or null when the run did not close it
   * @param restore  the update that puts its before-image back
   * @param closedAs what closes it again after, when it was closed before the run, else null
   */
  private record Putback(int index, UUID id, ApiRequest reopen, ApiRequest restore, Map<String, Object> closedAs) {}

  private Putback putback(Table table, int index, Restore row) throws IOException {
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
    return new Putback(index, row.id(), reopen, restore, closedAs);
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
   * Closes restored rows again the way the target closes them ({@code changeState}: an update, or WinOpportunity
   * / LoseOpportunity, in batches). A close action records a close activity of its own; the one the earlier close
   * made is still there, so the new ones (the row's closes after, less those before) are deleted and each row's
   * closes are as they were.
   */
  private List<WriteResult> closeAgain(Table table, List<Putback> rows) throws IOException {
    List<TargetRow> closes = new ArrayList<>(rows.size());
    for (Putback p : rows) {
      closes.add(new TargetRow("rollback", table.name(), new SourceRef(table.name(), p.id().toString()),
          TargetKey.id(p.id()), new TreeMap<>(p.closedAs()), new TreeMap<>(), null, List.of()));
    }
    Optional<String> closeTable = connector.closeRecordTable(table.name());
    Map<UUID, Set<UUID>> before = closeTable.isEmpty() ? Map.of()
        : connector.closeRecords(table.name(), rows.stream().map(Putback::id).toList());
    List<WriteResult> closed = connector.changeState(table.name(), closes);
    WriteResult[] results = new WriteResult[rows.size()];
    List<UUID> landed = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      UUID id = rows.get(i).id();
      WriteResult c = closed.get(i);
      results[i] = c.ok() ? WriteResult.written(id.toString(), id, c.status())
          : WriteResult.failed(id.toString(), c.status(), c.code(), c.message());
      if (c.ok()) landed.add(id);
    }
    if (closeTable.isEmpty() || landed.isEmpty()) return List.of(results);
    Table closeRecords = table(closeTable.get());
    Map<UUID, Set<UUID>> after = connector.closeRecords(table.name(), landed);
    List<NewClose> made = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      UUID row = rows.get(i).id();
      if (!results[i].ok()) continue;
      for (UUID close : after.getOrDefault(row, Set.of())) {
        if (!before.getOrDefault(row, Set.of()).contains(close)) made.add(new NewClose(i, row, close));
      }
    }
    List<WriteResult> deleted = connector.sendEach(made, m -> deleteOf(closeRecords, m.close()),
        (m, status, error) -> result(m.row(), status, error, true, UPDATED_ROW_CHANGED), closeTable.get() + " delete");
    for (int i = 0; i < made.size(); i++) {
      if (!deleted.get(i).ok()) results[made.get(i).index()] = deleted.get(i);
    }
    return List.of(results);
  }

  /** A close activity the close again made on the row at {@code index}, to delete. */
  private record NewClose(int index, UUID row, UUID close) {}

  @Override
  public List<WriteResult> disassociate(String tableName, String navigationProperty, String otherTable, List<Link> links)
      throws IOException {
    Table table = table(tableName);
    table(otherTable);
    // Repeatable: a link already undone answers 404, read as done.
    return connector.sendEach(links, link -> new ApiRequest("DELETE", table.entitySetName() + "(" + link.id() + ")/"
            + navigationProperty + "(" + link.otherId() + ")/$ref", Map.of(), null, null, true),
        (link, status, error) -> result(link.id(), status, error, true, UPDATED_ROW_CHANGED),
        tableName + "/" + navigationProperty + " unlink");
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

  private static final String UPDATED_ROW_CHANGED = "the row was changed in the target after the run wrote it, so "
      + "its earlier values were not put back over that change; check the row, then `fmap rollback --force` puts "
      + "them back anyway";
  private static final String CREATED_ROW_CHANGED = "the row the run created was changed in the target since, so "
      + "it was not deleted with that change; check the row, then `fmap rollback --force` deletes it anyway";

  /** A row's result from the answer to its request, alone or as a batch part. */
  private static WriteResult result(UUID id, int status, ServerError error, boolean goneIsDone, String changedMessage) {
    boolean ok = status >= 200 && status < 300;
    if (ok || (goneIsDone && status == 404)) return WriteResult.written(id.toString(), id, ok ? status : 204);
    if (status == 412) return WriteResult.failed(id.toString(), 412, CHANGED_IN_TARGET, changedMessage);
    return WriteResult.failed(id.toString(), status, error.code(), error.message());
  }

  private Table table(String name) {
    return Lookups.table(schema, name);
  }
}
