package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.ledger.AppliedSchemaChange;
import io.fmap.schema.ColumnType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The other half of {@link SchemaApplier}: how a change it made is kept in the ledger
 * ({@link #recordOf}) and how it is taken out again ({@code fmap rollback --schema}, {@link #remove}).
 * Removal goes in reverse dependency order: N:N relationships, alternate keys, option values, lookups
 * (their 1:N relationships), columns, then tables; the newest change first within a kind.
 */
public final class SchemaRemover {
  /** The ledger's kinds of schema change, in the order they are removed. */
  public static final List<String> REMOVAL_ORDER = List.of("relationship", "key", "option", "lookup", "column", "table");

  /** Newest first within a kind, kinds in {@link #REMOVAL_ORDER}. */
  public static final Comparator<AppliedSchemaChange> ORDER = Comparator
      .comparingInt((AppliedSchemaChange c) -> rank(c.kind()))
      .thenComparing(Comparator.comparingLong(AppliedSchemaChange::id).reversed());

  /** A schema change as the ledger keeps it: {@code detail} holds what removing it needs. */
  public record Recorded(String kind, String name, String detailJson) {}

  private final DataverseClient client;

  public SchemaRemover(DataverseClient client) {
    this.client = client;
  }

  /**
   * The ledger form of a change the org accepted.
   *
   * @param answer the org's answer to it (an inserted option's value is only known from there)
   */
  static Recorded recordOf(SchemaChange change, ApiResponse answer) throws IOException {
    ObjectNode detail = Json.MAPPER.createObjectNode();
    if (change instanceof SchemaChange.CreateTable t) {
      detail.put("table", t.table());
      return recorded("table", t.table(), detail);
    }
    if (change instanceof SchemaChange.CreateColumn c) {
      detail.put("table", c.table()).put("column", c.column().name());
      if (c.column().type() == ColumnType.LOOKUP && c.column().targets().size() == 1) {
        detail.put("relationship", SchemaApplier.lookupRelationship(c));
        return recorded("lookup", c.table() + "." + c.column().name(), detail);
      }
      return recorded("column", c.table() + "." + c.column().name(), detail);
    }
    if (change instanceof SchemaChange.AddOption o) {
      JsonNode inserted = answer.body() == null || answer.body().isBlank() ? null : answer.json().get("NewOptionValue");
      Integer value = inserted != null && inserted.canConvertToInt() ? Integer.valueOf(inserted.asInt()) : o.option().value();
      if (value == null) throw new IOException("the org did not say which value it gave option '" + o.option().label()
          + "' of " + o.table() + "." + o.column() + "; `fmap schema pull` shows it");
      detail.put("table", o.table()).put("column", o.column()).put("value", value);
      return recorded("option", o.table() + "." + o.column() + "=" + value, detail);
    }
    if (change instanceof SchemaChange.CreateKey k) {
      detail.put("table", k.table()).put("key", k.key().name().toLowerCase(Locale.ROOT));
      return recorded("key", k.table() + "." + k.key().name(), detail);
    }
    SchemaChange.CreateRelationship r = (SchemaChange.CreateRelationship) change;
    detail.put("relationship", r.r().name());
    return recorded("relationship", r.r().name(), detail);
  }

  private static Recorded recorded(String kind, String name, ObjectNode detail) {
    return new Recorded(kind, name, detail.toString());
  }

  /**
   * Takes one recorded change out of the org. Something already gone (404) counts as removed: a
   * rollback that stopped half-way is run again.
   *
   * @throws IOException with the org's reason when it refuses (a component something else depends on)
   */
  public void remove(AppliedSchemaChange change) throws IOException {
    ApiResponse r = client.send(request(change));
    if (r.ok() || r.code() == 404) return;
    throw new IOException("removing " + describe(change) + " failed: " + r.error());
  }

  /** One line for the dry run and the result: {@code column account.new_tier}. */
  public static String describe(AppliedSchemaChange change) {
    return change.kind() + " " + change.name();
  }

  static ApiRequest request(AppliedSchemaChange change) {
    JsonNode d;
    try {
      d = Json.MAPPER.readTree(change.detail());
    } catch (IOException e) {
      throw new UncheckedIOException("the ledger's record of schema change " + change.id() + " is not JSON", e);
    }
    String table = "EntityDefinitions(LogicalName=" + ODataKeys.literal(d.path("table").asText()) + ")";
    return switch (change.kind()) {
      case "table" -> delete(table);
      case "column" -> delete(table + "/Attributes(LogicalName=" + ODataKeys.literal(d.path("column").asText()) + ")");
      case "key" -> delete(table + "/Keys(LogicalName=" + ODataKeys.literal(d.path("key").asText()) + ")");
      case "lookup", "relationship" -> delete("RelationshipDefinitions(SchemaName="
          + ODataKeys.literal(d.path("relationship").asText()) + ")");
      case "option" -> {
        ObjectNode body = Json.MAPPER.createObjectNode().put("EntityLogicalName", d.path("table").asText())
            .put("AttributeLogicalName", d.path("column").asText()).put("Value", d.path("value").asInt());
        // Not repeatable blindly: a lost answer is settled by running the rollback again (the option is gone: 404).
        yield ApiRequest.json("POST", "DeleteOptionValue", body.toString().getBytes(StandardCharsets.UTF_8), false);
      }
      default -> throw new IllegalArgumentException("the ledger records a schema change of kind '" + change.kind()
          + "', which this fmap cannot remove; remove " + change.name() + " in the maker portal");
    };
  }

  private static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, java.util.Map.of(), null, null, true);
  }

  private static int rank(String kind) {
    int i = REMOVAL_ORDER.indexOf(kind);
    return i < 0 ? REMOVAL_ORDER.size() : i;
  }
}
