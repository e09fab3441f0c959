package io.fmap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {

  private static Column text(String name, int length, RequiredLevel required) {
    return new Column(name, name, ColumnType.TEXT, length, null, null, null, required, true, true, List.of(), List.of(),
        false);
  }

  private static Column choice(String name, OptionValue... options) {
    return new Column(name, name, ColumnType.CHOICE, null, null, null, null, RequiredLevel.NONE, true, true,
        List.of(options), List.of(), false);
  }

  private static Table table(String name, Column... columns) {
    return new Table(name, name, name + "s", name + "id", "name", Ownership.USER, false, false, List.of(columns), List.of());
  }

  private static SystemSchema schema(Table... tables) {
    return new SystemSchema("dynamics", List.of(tables), List.of(), new TreeMap<>());
  }

  private static final SystemSchema BEFORE = schema(
      table("account", text("name", 160, RequiredLevel.APPLICATION_REQUIRED), text("fax", 50, RequiredLevel.NONE),
          choice("industrycode", OptionValue.of(1, "Accounting"), OptionValue.of(2, "Agriculture"),
              OptionValue.of(10, "Consulting"))),
      table("fax"));

  private static final SystemSchema AFTER = schema(
      table("account", text("name", 100, RequiredLevel.NONE),
          choice("industrycode", OptionValue.of(1, "Accounting"), OptionValue.of(2, "Farming"),
              OptionValue.of(3, "Banking")),
          text("new_code", 20, RequiredLevel.NONE)),
      table("new_region", text("new_name", 100, RequiredLevel.NONE)));

  @Test
  void everyKindOfDriftIsOneLineInTableThenColumnOrder() {
    assertEquals(List.of(
        "column account.fax removed",
        "column account.industrycode: options added 3 'Banking'; options removed 10 'Consulting';"
            + " options relabelled 2 'Agriculture' -> 'Farming'",
        "column account.name: max length 160 -> 100; required APPLICATION_REQUIRED -> NONE",
        "column account.new_code added (TEXT(20))",
        "table fax removed",
        "table new_region added (1 columns)"),
        SchemaDrift.between(BEFORE, AFTER).changes().stream().map(SchemaDrift.Change::describe).toList());
  }

  @Test
  void theSameSchemaInAnotherOrderHasNoDrift() {
    SystemSchema shuffled = schema(BEFORE.tables().get(1), BEFORE.tables().get(0));
    assertTrue(SchemaDrift.between(BEFORE, shuffled).empty());
  }

  @Test
  void aTypeChangeIsNamed() {
    Column number = new Column("fax", "fax", ColumnType.INT, null, null, null, null, RequiredLevel.NONE, true, true,
        List.of(), List.of(), false);
    SchemaDrift drift = SchemaDrift.between(schema(table("t", text("fax", 50, RequiredLevel.NONE))), schema(table("t", number)));
    assertEquals("column t.fax: type TEXT -> INT; max length 50 -> none", drift.changes().get(0).describe());
  }

  @Test
  void picklistsWithoutValuesAreComparedByLabel() {
    Column before = new Column("stage", "stage", ColumnType.CHOICE, null, null, null, null, RequiredLevel.NONE, true, true,
        List.of(OptionValue.label("open"), OptionValue.label("won")), List.of(), false);
    Column after = new Column("stage", "stage", ColumnType.CHOICE, null, null, null, null, RequiredLevel.NONE, true, true,
        List.of(OptionValue.label("open"), OptionValue.label("lost")), List.of(), false);
    assertEquals("column Deal.stage: options added 'lost'; options removed 'won'",
        SchemaDrift.between(schema(table("Deal", before)), schema(table("Deal", after))).changes().get(0).describe());
  }
}
