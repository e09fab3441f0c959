package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import io.fmap.schema.dataverse.DataverseMetadataReader;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EntityDefinitions reads and the schema-apply writes, answered in the org's metadata shapes. */
class MetadataTest {
  static ManualClock clock = new ManualClock();
  static DataverseEmulator dv;
  static Http http;

  @BeforeAll
  static void start() {
    dv = Emulators.start(Emulators.open().withClock(clock).withKeyActivation(Duration.ofSeconds(5)));
    http = new Http(dv);
  }

  @AfterAll
  static void stop() { dv.close(); }

  @BeforeEach
  void reset() { dv.reset(); }

  private static void stringColumn(String table, String schemaName) {
    Http.Answer a = http.post("EntityDefinitions(LogicalName='" + table + "')/Attributes",
        "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"" + schemaName + "\",\"MaxLength\":40}");
    assertEquals(204, a.status(), a.body());
  }

  @Test
  void schemaPullThroughTheMetadataReaderGivesBackTheSeedSchema() throws Exception {
    Http.Answer a = http.get("EntityDefinitions?$expand=Attributes,ManyToOneRelationships,Keys,ManyToManyRelationships");
    assertEquals(200, a.status());
    SystemSchema pulled = DataverseMetadataReader.read(a.body(), new TreeMap<>(dv.config().schemaOrStdlib().settings()));
    SystemSchema seed = dv.config().schemaOrStdlib();
    for (Table t : seed.tables()) {
      assertEquals(t.sorted(), pulled.table(t.name()).orElseThrow().sorted(), "table " + t.name());
    }
  }

  @Test
  void oneTableWithSelect() {
    JsonNode e = http.get("EntityDefinitions(LogicalName='account')?$select=LogicalName,EntitySetName,PrimaryIdAttribute").json();
    assertEquals("accounts", e.path("EntitySetName").asText());
    assertEquals("accountid", e.path("PrimaryIdAttribute").asText());
    assertTrue(e.has("MetadataId"));
    assertTrue(!e.has("OwnershipType"));
  }

  @Test
  void typedCastWithOptionSetExpand() {
    JsonNode value = http.get("EntityDefinitions(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata"
        + "?$select=LogicalName&$expand=OptionSet").json().path("value");
    assertTrue(value.size() > 0);
    for (JsonNode a : value) {
      assertEquals("#Microsoft.Dynamics.CRM.PicklistAttributeMetadata", a.path("@odata.type").asText());
      assertTrue(a.path("OptionSet").path("Options").size() > 0, a.toString());
    }
    JsonNode strings = http.get("EntityDefinitions(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata?$select=LogicalName,MaxLength"
        + "&$filter=LogicalName eq 'name'").json().path("value");
    assertEquals(160, strings.get(0).path("MaxLength").asInt());
  }

  @Test
  void navigationPropertyNamesComeFromManyToOneRelationships() {
    JsonNode rels = http.get("EntityDefinitions(LogicalName='task')/ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,"
        + "ReferencingEntityNavigationPropertyName&$filter=ReferencingAttribute eq 'regardingobjectid' and ReferencedEntity eq 'account'").json().path("value");
    assertEquals(1, rels.size());
    assertEquals("regardingobjectid_account_task", rels.get(0).path("ReferencingEntityNavigationPropertyName").asText());
  }

  @Test
  void createdColumnIsWritableAtOnceAndValidated() {
    Http.Answer create = http.post("EntityDefinitions(LogicalName='account')/Attributes", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\","
        + "\"AttributeType\":\"String\",\"AttributeTypeName\":{\"Value\":\"StringType\"},\"SchemaName\":\"new_LegacyId\",\"MaxLength\":10,"
        + "\"RequiredLevel\":{\"Value\":\"None\"},\"DisplayName\":{\"LocalizedLabels\":[{\"Label\":\"Legacy Id\",\"LanguageCode\":1033}]}}");
    assertEquals(204, create.status(), create.body());
    assertTrue(create.header("OData-EntityId").contains("/Attributes("));
    assertEquals(204, http.post("accounts", "{\"name\":\"A\",\"new_legacyid\":\"S-1\"}").status());
    assertEquals("0x80044331", http.post("accounts", "{\"name\":\"A\",\"new_legacyid\":\"S-12345678901\"}").code());
    Http.Answer again = http.post("EntityDefinitions(LogicalName='account')/Attributes", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_LegacyId\"}");
    assertEquals(400, again.status());
  }

  @Test
  void schemaNamesNeedAPublisherPrefix() {
    Http.Answer a = http.post("EntityDefinitions(LogicalName='account')/Attributes", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.IntegerAttributeMetadata\",\"SchemaName\":\"LegacyNumber\"}");
    assertEquals(400, a.status());
    assertTrue(a.message().contains("new_LegacyNumber"), a.message());
  }

  @Test
  void choiceColumnWithoutValuesGetsPublisherPrefixedValues() {
    Http.Answer a = http.post("EntityDefinitions(LogicalName='contact')/Attributes", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.PicklistAttributeMetadata\","
        + "\"SchemaName\":\"new_Tier\",\"OptionSet\":{\"Options\":[{\"Value\":null,\"Label\":{\"LocalizedLabels\":[{\"Label\":\"Gold\",\"LanguageCode\":1033}]}},"
        + "{\"Value\":null,\"Label\":{\"LocalizedLabels\":[{\"Label\":\"Silver\",\"LanguageCode\":1033}]}}]}}");
    assertEquals(204, a.status(), a.body());
    assertEquals(204, http.post("contacts", "{\"lastname\":\"X\",\"new_tier\":727000001}").status());
    assertEquals("0x80044150", http.post("contacts", "{\"lastname\":\"X\",\"new_tier\":1}").code());
  }

  @Test
  void insertOptionValueAddsAnOptionThatRowsMayUse() {
    assertEquals("0x80044150", http.post("accounts", "{\"name\":\"A\",\"industrycode\":727000000}").code());
    Http.Answer a = http.post("InsertOptionValue", "{\"EntityLogicalName\":\"account\",\"AttributeLogicalName\":\"industrycode\","
        + "\"Value\":727000000,\"Label\":{\"LocalizedLabels\":[{\"Label\":\"Space\",\"LanguageCode\":1033}]}}");
    assertEquals(200, a.status(), a.body());
    assertEquals(727000000, a.json().path("NewOptionValue").asInt());
    assertEquals(204, http.post("accounts", "{\"name\":\"A\",\"industrycode\":727000000}").status());
    assertEquals(400, http.post("InsertOptionValue", "{\"EntityLogicalName\":\"account\",\"AttributeLogicalName\":\"industrycode\",\"Value\":727000000}").status());
  }

  @Test
  void alternateKeyIsPendingThenActiveAndEnforcedForUpsertAndUniqueness() {
    stringColumn("account", "new_LegacyId");
    Http.Answer key = http.post("EntityDefinitions(LogicalName='account')/Keys", "{\"SchemaName\":\"new_legacyid_key\",\"KeyAttributes\":[\"new_legacyid\"],"
        + "\"DisplayName\":{\"LocalizedLabels\":[{\"Label\":\"Legacy\",\"LanguageCode\":1033}]}}");
    assertEquals(204, key.status(), key.body());
    JsonNode keys = http.get("EntityDefinitions(LogicalName='account')/Keys?$select=LogicalName,EntityKeyIndexStatus").json().path("value");
    assertEquals("Pending", keys.get(0).path("EntityKeyIndexStatus").asText());
    assertEquals(400, http.patch("accounts(new_legacyid='S-1')", "{\"name\":\"A\"}").status());
    clock.advance(Duration.ofSeconds(6));
    keys = http.get("EntityDefinitions(LogicalName='account')/Keys").json().path("value");
    assertEquals("Active", keys.get(0).path("EntityKeyIndexStatus").asText());

    Http.Answer upsert = http.patch("accounts(new_legacyid='S-1')?$select=name,new_legacyid", "{\"name\":\"A\"}", "Prefer", "return=representation");
    assertEquals(201, upsert.status(), upsert.body());
    assertEquals("S-1", upsert.json().path("new_legacyid").asText());
    assertEquals(200, http.patch("accounts(new_legacyid='S-1')", "{\"name\":\"B\"}", "Prefer", "return=representation").status());
    Http.Answer dup = http.post("accounts", "{\"name\":\"C\",\"new_legacyid\":\"s-1\"}");
    assertEquals(412, dup.status());
    assertEquals("0x80060892", dup.code());
    Http.Answer missing = http.patch("accounts(new_legacyid='S-2')", "{\"name\":\"D\"}", "If-Match", "*");
    assertEquals(404, missing.status());
    Http.Answer notAKey = http.patch("accounts(name='A')", "{\"name\":\"D\"}");
    assertTrue(notAKey.message().startsWith("The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'"), notAKey.body());
    assertEquals(1, dv.count("account"));
  }

  @Test
  void keyOverALookupUsesTheValuePropertyInTheUrlAndBindsOnCreate() {
    assertEquals(204, http.post("EntityDefinitions(LogicalName='account')/Keys", "{\"SchemaName\":\"new_primarycontact_key\","
        + "\"KeyAttributes\":[\"primarycontactid\"]}").status());
    clock.advance(Duration.ofSeconds(6));
    String contact = Http.idOf(http.post("contacts", "{\"lastname\":\"Doe\"}"));
    Http.Answer a = http.patch("accounts(_primarycontactid_value=" + contact + ")?$select=name,_primarycontactid_value", "{\"name\":\"A\"}",
        "Prefer", "return=representation");
    assertEquals(201, a.status(), a.body());
    assertEquals(contact, a.json().path("_primarycontactid_value").asText());
    assertEquals(200, http.patch("accounts(_primarycontactid_value=" + contact + ")", "{\"name\":\"B\"}", "Prefer", "return=representation").status());
  }

  @Test
  void keyOverDuplicateValuesFails() {
    stringColumn("account", "new_Code");
    http.post("accounts", "{\"name\":\"A\",\"new_code\":\"X\"}");
    http.post("accounts", "{\"name\":\"B\",\"new_code\":\"X\"}");
    http.post("EntityDefinitions(LogicalName='account')/Keys", "{\"SchemaName\":\"new_code_key\",\"KeyAttributes\":[\"new_code\"]}");
    clock.advance(Duration.ofSeconds(6));
    assertEquals("Failed", http.get("EntityDefinitions(LogicalName='account')/Keys").json().path("value").get(0).path("EntityKeyIndexStatus").asText());
  }

  @Test
  void createdTableGetsAnEntitySetAndAnswersBulkMessages() {
    Http.Answer t = http.post("EntityDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityMetadata\",\"SchemaName\":\"new_BankAccount\","
        + "\"DisplayName\":{\"LocalizedLabels\":[{\"Label\":\"Bank Account\",\"LanguageCode\":1033}]},\"OwnershipType\":\"UserOwned\",\"HasNotes\":true,"
        + "\"Attributes\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Name\",\"IsPrimaryName\":true,\"MaxLength\":100}]}");
    assertEquals(204, t.status(), t.body());
    JsonNode e = http.get("EntityDefinitions(LogicalName='new_bankaccount')").json();
    assertEquals("new_bankaccounts", e.path("EntitySetName").asText());
    assertEquals("new_bankaccountid", e.path("PrimaryIdAttribute").asText());
    Http.Answer bulk = http.post("new_bankaccounts/Microsoft.Dynamics.CRM.CreateMultiple",
        "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.new_bankaccount\",\"new_name\":\"A\"}]}");
    assertEquals(200, bulk.status(), bulk.body());
    assertEquals(1, http.get("sdkmessagefilters?$filter=sdkmessageid/name eq 'UpsertMultiple' and primaryobjecttypecode eq 'new_bankaccount'").json().path("value").size());
  }

  @Test
  void notesAttachOnlyToATableCreatedWithHasNotes() {
    String withNotes = table("new_Ledger", true);
    String without = table("new_Memo", false);
    assertTrue(http.get("EntityDefinitions(LogicalName='new_ledger')").json().path("HasNotes").asBoolean());
    assertFalse(http.get("EntityDefinitions(LogicalName='new_memo')").json().path("HasNotes").asBoolean());
    assertTrue(http.get("EntityDefinitions(LogicalName='account')").json().path("HasNotes").asBoolean(),
        "the stdlib's account takes notes");

    Http.Answer note = http.post("annotations", "{\"subject\":\"N\",\"objectid_new_ledger@odata.bind\":\"/new_ledgers(" + withNotes + ")\"}");
    assertEquals(204, note.status(), note.body());
    Http.Answer refused = http.post("annotations", "{\"subject\":\"N\",\"objectid_new_memo@odata.bind\":\"/new_memos(" + without + ")\"}");
    assertEquals(400, refused.status(), refused.body());
    assertEquals("0x0", refused.code());
    assertTrue(refused.message().contains("undeclared property 'objectid_new_memo'"), refused.message());
    assertEquals(1, dv.count("annotation"));

    assertEquals(204, http.delete("EntityDefinitions(LogicalName='new_memo')").status());
    assertEquals(204, http.delete("annotations(" + Http.idOf(note) + ")").status());
    assertEquals(204, http.delete("EntityDefinitions(LogicalName='new_ledger')").status());
    JsonNode targets = http.get("EntityDefinitions(LogicalName='annotation')/Attributes(LogicalName='objectid')").json().path("Targets");
    assertFalse(targets.toString().contains("new_ledger"), "a deleted table's notes relationship goes with it: " + targets);
  }

  /** Creates a custom table with a primary name column and one row in it; returns the row's id. */
  private String table(String schemaName, boolean hasNotes) {
    Http.Answer t = http.post("EntityDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityMetadata\",\"SchemaName\":\""
        + schemaName + "\",\"OwnershipType\":\"UserOwned\",\"HasNotes\":" + hasNotes + ",\"Attributes\":[{\"@odata.type\":"
        + "\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Name\",\"IsPrimaryName\":true,\"MaxLength\":100}]}");
    assertEquals(204, t.status(), t.body());
    String set = MetadataApi.plural(schemaName.toLowerCase(java.util.Locale.ROOT));
    Http.Answer row = http.post(set, "{\"new_name\":\"R\"}");
    assertEquals(204, row.status(), row.body());
    return Http.idOf(row);
  }

  @Test
  void aTableNeedsExactlyOneStringPrimaryNameColumn() {
    String head = "{\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityMetadata\",\"SchemaName\":\"new_Thing\",\"OwnershipType\":\"UserOwned\","
        + "\"HasNotes\":true,\"Attributes\":[";
    String name = "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Name\",\"IsPrimaryName\":true}";
    String code = "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Code\",\"IsPrimaryName\":true}";
    String number = "{\"@odata.type\":\"Microsoft.Dynamics.CRM.IntegerAttributeMetadata\",\"SchemaName\":\"new_No\",\"IsPrimaryName\":true}";
    assertEquals(400, http.post("EntityDefinitions", head + "]}").status());
    assertEquals(400, http.post("EntityDefinitions", head + name + "," + code + "]}").status());
    assertEquals(400, http.post("EntityDefinitions", head + number + "]}").status());
    assertEquals(204, http.post("EntityDefinitions", head + name + "]}").status());
  }

  @Test
  void lookupColumnByOneToManyRelationshipAndManyToManyAssociation() {
    Http.Answer lookup = http.post("RelationshipDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata\","
        + "\"SchemaName\":\"new_account_referrer\",\"ReferencedEntity\":\"contact\",\"ReferencingEntity\":\"account\","
        + "\"Lookup\":{\"SchemaName\":\"new_ReferrerId\",\"DisplayName\":{\"LocalizedLabels\":[{\"Label\":\"Referrer\",\"LanguageCode\":1033}]}}}");
    assertEquals(204, lookup.status(), lookup.body());
    String contact = Http.idOf(http.post("contacts", "{\"lastname\":\"Doe\"}"));
    String account = Http.idOf(http.post("accounts", "{\"name\":\"A\",\"new_referrerid@odata.bind\":\"/contacts(" + contact + ")\"}"));

    Http.Answer nn = http.post("RelationshipDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata\","
        + "\"SchemaName\":\"new_account_contact\",\"Entity1LogicalName\":\"account\",\"Entity2LogicalName\":\"contact\","
        + "\"IntersectEntityName\":\"new_account_contact\"}");
    assertEquals(204, nn.status(), nn.body());
    String ref = "{\"@odata.id\":\"" + dv.baseUrl() + "contacts(" + contact + ")\"}";
    assertEquals(204, http.post("accounts(" + account + ")/new_account_contact/$ref", ref).status());
    Http.Answer twice = http.post("accounts(" + account + ")/new_account_contact/$ref", ref);
    assertEquals("0x80040237", twice.code());
    JsonNode m2m = http.get("EntityDefinitions(LogicalName='contact')/ManyToManyRelationships").json().path("value");
    assertEquals("new_account_contact", m2m.get(0).path("SchemaName").asText());
  }

  @Test
  void whatSchemaApplyCreatedIsDeletedByItsMetadataUrlDependentsFirst() {
    JsonNode before = dv.dump().path("schema");
    assertEquals(204, http.post("RelationshipDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata\","
        + "\"SchemaName\":\"new_account_referrer\",\"ReferencedEntity\":\"contact\",\"ReferencingEntity\":\"account\","
        + "\"Lookup\":{\"SchemaName\":\"new_ReferrerId\"}}").status());
    stringColumn("account", "new_LegacyId");
    assertEquals(204, http.post("EntityDefinitions(LogicalName='account')/Keys",
        "{\"SchemaName\":\"new_legacyid_key\",\"KeyAttributes\":[\"new_legacyid\"]}").status());
    int option = http.post("InsertOptionValue", "{\"EntityLogicalName\":\"account\",\"AttributeLogicalName\":\"accountcategorycode\","
        + "\"Value\":null,\"Label\":{\"LocalizedLabels\":[{\"Label\":\"Partner\",\"LanguageCode\":1033}]}}").json()
        .path("NewOptionValue").asInt();
    String contact = Http.idOf(http.post("contacts", "{\"lastname\":\"Doe\"}"));
    String account = Http.idOf(http.post("accounts", "{\"name\":\"A\",\"new_legacyid\":\"L-1\","
        + "\"new_referrerid@odata.bind\":\"/contacts(" + contact + ")\"}"));

    Http.Answer inKey = http.delete("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_legacyid')");
    assertEquals(400, inKey.status(), "a column in a key goes after the key");
    assertTrue(inKey.message().contains("new_legacyid_key"), inKey.message());
    assertEquals(400, http.delete("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_referrerid')").status(),
        "a lookup goes with its relationship");
    assertEquals(400, http.delete("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')").status(),
        "a system column stays");
    assertEquals(400, http.delete("EntityDefinitions(LogicalName='account')").status(), "a system table stays");

    assertEquals(204, http.delete("EntityDefinitions(LogicalName='account')/Keys(LogicalName='new_legacyid_key')").status());
    assertEquals(204, http.post("DeleteOptionValue", "{\"EntityLogicalName\":\"account\",\"AttributeLogicalName\":"
        + "\"accountcategorycode\",\"Value\":" + option + "}").status());
    assertEquals(204, http.delete("RelationshipDefinitions(SchemaName='new_account_referrer')").status());
    assertEquals(204, http.delete("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_legacyid')").status());
    assertEquals(404, http.delete("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_legacyid')").status(),
        "gone is 404");
    assertEquals(before, dv.dump().path("schema"), "the metadata is as it was");
    JsonNode row = http.get("accounts(" + account + ")").json();
    assertTrue(!row.has("new_legacyid") && !row.has("_new_referrerid_value"), "the values went with the columns: " + row);
  }

  @Test
  void aCustomTableIsDeletedWithItsRowsOnceNothingLinksToIt() {
    assertEquals(204, http.post("EntityDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityMetadata\",\"SchemaName\":\"new_Project\","
        + "\"OwnershipType\":\"UserOwned\",\"HasNotes\":true,\"Attributes\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\","
        + "\"SchemaName\":\"new_Name\",\"IsPrimaryName\":true}]}").status());
    assertEquals(204, http.post("RelationshipDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata\","
        + "\"SchemaName\":\"new_project_contact\",\"Entity1LogicalName\":\"new_project\",\"Entity2LogicalName\":\"contact\"}").status());
    String project = Http.idOf(http.post("new_projects", "{\"new_name\":\"P\"}"));
    String contact = Http.idOf(http.post("contacts", "{\"lastname\":\"Doe\"}"));
    String ref = "{\"@odata.id\":\"" + dv.baseUrl() + "contacts(" + contact + ")\"}";
    assertEquals(204, http.post("new_projects(" + project + ")/new_project_contact/$ref", ref).status());

    assertEquals(204, http.delete("new_projects(" + project + ")/new_project_contact(" + contact + ")/$ref").status());
    assertEquals(0, dv.associations("new_project_contact").size(), "disassociated");
    assertEquals(404, http.delete("new_projects(" + project + ")/new_project_contact(" + contact + ")/$ref").status());
    assertEquals(204, http.post("new_projects(" + project + ")/new_project_contact/$ref", ref).status());

    Http.Answer linked = http.delete("EntityDefinitions(LogicalName='new_project')");
    assertEquals(400, linked.status(), "an N:N still links it");
    assertEquals(204, http.delete("RelationshipDefinitions(SchemaName='new_project_contact')").status());
    assertEquals(204, http.delete("EntityDefinitions(LogicalName='new_project')").status());
    assertEquals(404, http.get("EntityDefinitions(LogicalName='new_project')").status());
    assertEquals(404, http.get("new_projects").status(), "its entity set is gone with it");
    assertEquals(0, dv.count("new_project"));
    assertEquals(0, http.get("sdkmessagefilters?$filter=primaryobjecttypecode eq 'new_project'").json().path("value").size());
  }

  @Test
  void publishChecksTheEntitiesItNames() {
    assertEquals(204, http.post("PublishXml", "{\"ParameterXml\":\"<importexportxml><entities><entity>account</entity></entities></importexportxml>\"}").status());
    assertEquals(404, http.post("PublishXml", "{\"ParameterXml\":\"<importexportxml><entities><entity>nosuch</entity></entities></importexportxml>\"}").status());
    assertEquals(204, http.post("PublishAllXml", "{}").status());
  }
}
