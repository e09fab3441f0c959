package io.fmap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SchemaSnapshotsTest {

  private static SystemSchema sample(boolean reversed) {
    Column name = new Column("name", "Account Name", ColumnType.TEXT, 160, null, null, null,
        RequiredLevel.APPLICATION_REQUIRED, true, true, List.of(), List.of(), false);
    Column parent = new Column("parentaccountid", "Parent Account", ColumnType.LOOKUP, null, null, null, null,
        RequiredLevel.NONE, true, true, List.of(), List.of(new LookupTarget("account", "parentaccountid")), false);
    Column industry = new Column("industrycode", "Industry", ColumnType.CHOICE, null, null, null, null,
        RequiredLevel.NONE, true, true, List.of(OptionValue.of(2, "Consulting"), OptionValue.of(1, "Accounting")),
        List.of(), false);
    List<Column> cols = reversed ? List.of(parent, name, industry) : List.of(industry, name, parent);
    Table account = new Table("account", "Account", "accounts", "accountid", "name", Ownership.USER, false, false,
        cols, List.of(new AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid"))));
    Table contact = new Table("contact", "Contact", "contacts", "contactid", "fullname", Ownership.USER, false,
        false, List.of(Column.of("firstname", ColumnType.TEXT)), List.of());
    var settings = new TreeMap<String, String>();
    settings.put("maxuploadfilesize", "5242880");
    return new SystemSchema("dynamics", reversed ? List.of(contact, account) : List.of(account, contact),
        List.of(), settings);
  }

  @Test
  void sameSchemaInAnyOrderGivesTheSameBytes() {
    assertEquals(SchemaSnapshots.toJson(sample(false)), SchemaSnapshots.toJson(sample(true)));
  }

  @Test
  void snapshotRoundTripsThroughJson() throws IOException {
    SystemSchema original = sample(false).sorted();
    String json = SchemaSnapshots.toJson(original);
    assertEquals(original, SchemaSnapshots.fromJson(json));
    assertTrue(json.endsWith("}\n"), "ends with a newline so that git diffs stay clean");
    assertTrue(!json.contains("\r"), "LF line endings only");
  }

  @Test
  void optionOrderIsKeptBecauseItCarriesMeaning() throws IOException {
    SystemSchema back = SchemaSnapshots.fromJson(SchemaSnapshots.toJson(sample(false)));
    Column industry = back.table("account").orElseThrow().column("industrycode").orElseThrow();
    assertEquals(List.of("Consulting", "Accounting"), industry.options().stream().map(OptionValue::label).toList());
  }

  @Test
  void aFileThatIsNotASnapshotIsRefusedWithAReason() {
    IOException e = assertThrows(IOException.class, () -> SchemaSnapshots.fromJson("{\"foo\": 1}"));
    assertTrue(e.getMessage().contains("system"), e.getMessage());
  }
}
