package io.fmap.schema.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataverseMetadataReaderTest {
  private static SystemSchema schema;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = DataverseMetadataReaderTest.class.getResourceAsStream("entitydefinitions.json")) {
      var settings = new TreeMap<String, String>();
      settings.put("maxuploadfilesize", "5242880");
      schema = DataverseMetadataReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), settings);
    }
  }

  private static Column column(String table, String name) {
    return schema.table(table).orElseThrow().column(name).orElseThrow(() -> new AssertionError(table + "." + name));
  }

  @Test
  void tablePropertiesComeFromTheEntityDefinition() {
    Table account = schema.table("account").orElseThrow();
    assertEquals("accounts", account.entitySetName());
    assertEquals("accountid", account.primaryIdColumn());
    assertEquals("name", account.primaryNameColumn());
    assertEquals(Ownership.USER, account.ownership());
    assertFalse(account.activity());
    assertTrue(schema.table("task").orElseThrow().activity());
    assertEquals(List.of(new AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid"))), account.keys());
    assertEquals("5242880", schema.settings().get("maxuploadfilesize"));
  }

  @Test
  void stringColumnKeepsLengthRequiredLevelAndLabel() {
    Column name = column("account", "name");
    assertEquals(new Column("name", "Account Name", ColumnType.TEXT, 160, null, null, null,
        RequiredLevel.APPLICATION_REQUIRED, true, true, List.of(), List.of(), false), name);
    assertTrue(column("account", "fmap_sourceid").custom());
    assertEquals("Source Id", column("account", "fmap_sourceid").displayName(),
        "without a user-localized label the first localized one is used");
  }

  @Test
  void helperAttributesThatShadowALookupAreLeftOut() {
    assertTrue(schema.table("account").orElseThrow().column("parentaccountidname").isEmpty());
  }

  @Test
  void attributeTypesMapOntoTheModel() {
    assertEquals(ColumnType.ID, column("account", "accountid").type());
    assertEquals(ColumnType.MONEY, column("account", "revenue").type());
    assertEquals(2, column("account", "revenue").precision());
    assertEquals(ColumnType.DATETIME, column("account", "overriddencreatedon").type());
    assertFalse(column("account", "overriddencreatedon").validForUpdate());
    assertEquals(ColumnType.DATE, column("task", "scheduledend").type(), "Format DateOnly is a date");
    assertEquals(ColumnType.CHOICES, column("account", "fmap_regions").type(), "Virtual + MultiSelectPicklistType");
    assertEquals(ColumnType.OTHER, column("task", "activitytypecode").type());
    assertEquals(100.0, column("task", "percentcomplete").maxValue());
  }

  @Test
  void optionSetsKeepValuesLabelsAndTheStateOfEachStatusReason() {
    assertEquals(List.of(OptionValue.of(1, "Accounting"), OptionValue.of(7, "Consulting")),
        column("account", "industrycode").options());
    assertEquals(ColumnType.STATE, column("account", "statecode").type());
    assertEquals(List.of(new OptionValue(1, "Active", "0", null), new OptionValue(2, "Inactive", "1", null)),
        column("account", "statuscode").options());
  }

  @Test
  void lookupTargetsCarryTheNavigationPropertyFromManyToOneRelationships() {
    assertEquals(List.of(new LookupTarget("account", "parentaccountid")), column("account", "parentaccountid").targets());
    assertEquals(List.of(new LookupTarget("account", "regardingobjectid_account_task"),
        new LookupTarget("contact", "regardingobjectid_contact_task")), column("task", "regardingobjectid").targets());
    // The owner relationship references the abstract "owner" table: its one name serves both targets.
    assertEquals(List.of(new LookupTarget("systemuser", "ownerid"), new LookupTarget("team", "ownerid")),
        column("account", "ownerid").targets());
  }

  @Test
  void manyToManyRelationshipsAreReadOnce() {
    assertEquals(1, schema.relationships().size());
    assertEquals("fmap_task_contact", schema.relationships().get(0).intersectTable());
  }

  @Test
  void resultRoundTripsThroughTheSnapshotFormat() throws IOException {
    assertEquals(schema, SchemaSnapshots.fromJson(SchemaSnapshots.toJson(schema)));
  }

  @Test
  void singleEntityDefinitionIsAccepted() throws IOException {
    SystemSchema one = DataverseMetadataReader.read(
        "{\"LogicalName\":\"contact\",\"EntitySetName\":\"contacts\",\"OwnershipType\":\"BusinessOwned\"}");
    assertEquals("contacts", one.table("contact").orElseThrow().entitySetName());
    assertEquals(Ownership.NONE, one.table("contact").orElseThrow().ownership());
  }

  @Test
  void somethingElseIsRefusedWithAReason() {
    IOException e = assertThrows(IOException.class, () -> DataverseMetadataReader.read("{\"error\":{}}"));
    assertTrue(e.getMessage().contains("EntityDefinitions"), e.getMessage());
  }
}
