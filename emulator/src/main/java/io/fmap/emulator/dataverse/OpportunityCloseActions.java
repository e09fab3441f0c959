package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Table;
import java.util.Optional;
import java.util.Set;

/**
 * {@code WinOpportunity} and {@code LoseOpportunity}: the only way an opportunity leaves the open
 * state. Each takes {@code {"Status": <status reason>, "OpportunityClose": {"subject": ...,
 * "opportunityid@odata.bind": "/opportunities(...)"}}}, records the close as an
 * {@code opportunityclose} activity (completed) and moves the opportunity to Won (1) or Lost (2)
 * with that status reason, copying the close's {@code actualrevenue} and {@code actualend} into the
 * opportunity's {@code actualvalue} and {@code actualclosedate}. A closed opportunity cannot be closed again.
 */
final class OpportunityCloseActions {
  private static final String BIND = "opportunityid@odata.bind";

  private final Store store;
  private final RowWriter writer;

  OpportunityCloseActions(Store store, RowWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  /** {@code won}: WinOpportunity (state 1), else LoseOpportunity (state 2). */
  ApiResponse close(ApiRequest r, RowWriter.Context ctx, boolean won) {
    if (!r.method().equals("POST")) throw MetadataApi.methodNotAllowed(r.method());
    String action = won ? "WinOpportunity" : "LoseOpportunity";
    int state = won ? 1 : 2;
    ObjectNode body = Json.body(r);
    JsonNode close = body.get("OpportunityClose");
    if (close == null || !close.isObject() || !close.hasNonNull(BIND)) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, action + " needs an OpportunityClose with \""
          + BIND + "\": \"/opportunities(<id>)\".");
    }
    JsonNode status = body.get("Status");
    if (status == null || !status.canConvertToInt()) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, action + " needs Status: a status reason of state "
          + state + ".");
    }
    store.writeVoid(tx -> {
      Table opportunities = store.catalog().require("opportunity");
      Row opportunity = writer.find(opportunities, EntityRef.parseUri(close.get(BIND).asText()));
      JsonNode current = opportunity.get("statecode");
      if (current != null && current.asInt(0) != 0) {
        throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, "The opportunity is already closed (statecode "
            + current.asInt() + "); reopen it before closing it again.");
      }
      checkStatus(opportunities, status.asInt(), state, action);
      ObjectNode record = ((ObjectNode) close).deepCopy();
      record.put(BIND, "/" + opportunities.entitySetName() + "(" + opportunity.id() + ")");
      Table closes = store.catalog().require("opportunityclose");
      if (!record.hasNonNull("subject")) record.put("subject", won ? "Won" : "Lost");
      Row activity = writer.create(tx, closes, record, ctx);
      ObjectNode completed = Json.object();
      completed.put("statecode", 1);
      writer.applyUpdate(tx, closes, activity, completed, ctx, Set.of());
      ObjectNode closed = Json.object();
      closed.put("statecode", state);
      closed.put("statuscode", status.asInt());
      // As Dataverse does: the close's revenue and end become the opportunity's actual value and close date.
      if (record.hasNonNull("actualrevenue")) closed.set("actualvalue", record.get("actualrevenue"));
      if (record.hasNonNull("actualend")) closed.put("actualclosedate", record.get("actualend").asText().substring(0,
          Math.min(10, record.get("actualend").asText().length())));
      writer.applyUpdate(tx, opportunities, opportunity, closed, ctx, Set.of());
    });
    return ApiResponse.noContent(1);
  }

  private static void checkStatus(Table table, int status, int state, String action) {
    Optional<Column> column = table.columns().stream().filter(c -> c.type() == ColumnType.STATUS).findFirst();
    Optional<OptionValue> option = column.flatMap(c -> c.optionByValue(status));
    if (option.isEmpty() || (option.get().group() != null && !option.get().group().equals(String.valueOf(state)))) {
      throw DataverseError.badRequest(DataverseError.INVALID_ARGUMENT, status + " is not a valid status code for state code "
          + "opportunityState." + state + " on opportunity; " + action + " takes a status reason of state " + state + ".");
    }
  }
}
