package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.api.StateChange;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.functions.Std;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.Table;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * A row's state change after the load, as Dataverse wants it (fact sheet §7.4, §7.5): activities
 * and leads by an update of {@code statecode} with its {@code statuscode}; opportunities only
 * through {@code WinOpportunity} / {@code LoseOpportunity}, which also record the close as an
 * {@code opportunityclose}. A refused change is read back: a row already in the wanted state (the
 * change landed before the answer was lost) counts as done, which makes a resend harmless.
 */
final class StateChanges {
  /** Tables whose won/lost states are reached only through a close action. */
  private static final Set<String> CLOSED_BY_ACTION = Set.of("opportunity");
  private static final int WON = 1;
  /** {@code opportunityclose.subject} is an activity subject: 200 characters. */
  private static final long SUBJECT_LENGTH = 200;

  /** The activity table a close action records the close in ({@code opportunityclose}). */
  private static final String CLOSE_SUFFIX = "close";

  private StateChanges() {}

  /** The table whose rows record the closes of a {@code table} row: present for tables closed by an action. */
  static java.util.Optional<String> closeRecordTable(String table) {
    return CLOSED_BY_ACTION.contains(table) ? java.util.Optional.of(table + CLOSE_SUFFIX) : java.util.Optional.empty();
  }

  /** The close record's lookup of the row it closed ({@code opportunityclose.opportunityid}), as the action binds it. */
  static String closedRowColumn(String table) {
    return table + "id";
  }

  /** One row's change: its request, and what tells whether the row is in the wanted state already. */
  record Change(TargetRow row, UUID id, String path, int state, Integer status, ApiRequest request) {}

  static Change prepare(Table table, TargetRow row) throws IOException {
    RowAddress address = TargetRows.address(row.key());
    UUID id = RowBodies.idFor(table.name(), address, row.source().id());
    String path = ODataKeys.path(table.entitySetName(), address);
    int state = ((Number) row.columns().get(StateChange.STATE_COLUMN)).intValue();
    Object statusValue = row.columns().get(StateChange.STATUS_COLUMN);
    Integer status = statusValue == null ? null : ((Number) statusValue).intValue();
    ApiRequest request = CLOSED_BY_ACTION.contains(table.name()) && state != 0
        ? closeAction(table, path, row, state, status)
        : update(path, state, status);
    return new Change(row, id, path, state, status, request);
  }

  static WriteResult change(DataverseClient client, Table table, TargetRow row) throws IOException {
    Change c = prepare(table, row);
    ApiResponse r = client.send(c.request());
    return outcome(client, c, r.code(), r.error());
  }

  /** The result of a change answered {@code status}, alone or as a batch part: a refusal is read back. */
  static WriteResult outcome(DataverseClient client, Change c, int status, ServerError e) throws IOException {
    String source = c.row().source().id();
    if (status >= 200 && status < 300) return WriteResult.written(source, c.id(), status);
    if (alreadyThere(client, c.path(), c.state(), c.status())) return WriteResult.written(source, c.id(), 200);
    return WriteResult.failed(source, status, e.code(), e.message());
  }

  private static ApiRequest update(String path, int state, Integer status) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put(StateChange.STATE_COLUMN, state);
    if (status != null) body.put(StateChange.STATUS_COLUMN, status);
    // Update only: a state change must never create a bare row where the first pass wrote none.
    return ApiRequest.json("PATCH", path, Json.MAPPER.writeValueAsBytes(body), true).withHeader("If-Match", "*");
  }

  /**
   * {@code WinOpportunity} (won) or {@code LoseOpportunity} (lost); without a status, the state's first
   * reason. The {@code opportunityclose} it records carries what the row says the deal closed at: its
   * {@code actualvalue} as {@code actualrevenue}, its {@code actualclosedate} as {@code actualend}
   * (the start of that day, UTC), and a description naming the outcome and the source record.
   */
  private static ApiRequest closeAction(Table table, String path, TargetRow row, int state, Integer status)
      throws IOException {
    String outcome = state == WON ? "Won" : "Lost";
    Object name = row.columns().get("name");
    ObjectNode close = Json.MAPPER.createObjectNode();
    close.put("subject", name == null ? outcome : Std.truncate(outcome + ": " + name, SUBJECT_LENGTH));
    close.put(closedRowColumn(table.name()) + "@odata.bind", "/" + path);
    if (row.columns().get("actualvalue") instanceof Number revenue) {
      close.set("actualrevenue", Json.MAPPER.valueToTree(revenue));
    }
    if (row.columns().get("actualclosedate") instanceof LocalDate end) {
      close.put("actualend", end.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    }
    close.put("description", outcome + " in the source system; closed by the migration of " + row.source().object()
        + " " + row.source().id() + ".");
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("Status", status != null ? status : firstStatus(table, state));
    body.set("OpportunityClose", close);
    String action = state == WON ? "WinOpportunity" : "LoseOpportunity";
    return ApiRequest.json("POST", action, Json.MAPPER.writeValueAsBytes(body), true);
  }

  private static int firstStatus(Table table, int state) {
    return table.column(StateChange.STATUS_COLUMN).flatMap(c -> c.options().stream()
            .filter(o -> String.valueOf(state).equals(o.group()) && o.value() != null).findFirst())
        .map(o -> o.value()).orElseThrow(() -> new IllegalArgumentException(
            table.name() + " has no status reason for state " + state + " in the schema"));
  }

  private static boolean alreadyThere(DataverseClient client, String path, int state, Integer status)
      throws IOException {
    ApiResponse read = client.send(ApiRequest.get(path + "?$select=statecode,statuscode"));
    if (!read.ok()) return false;
    JsonNode row = read.json();
    return row.path(StateChange.STATE_COLUMN).asInt(-1) == state
        && (status == null || row.path(StateChange.STATUS_COLUMN).asInt(-1) == status);
  }
}
