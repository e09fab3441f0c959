package io.fmap.runtime.dataverse;

import static io.fmap.runtime.dataverse.FakeOrg.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.Relationship;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaApplyTest {
  private final FakeOrg org;

  SchemaApplyTest() throws Exception { org = new FakeOrg(); }

  @AfterEach void stop() { org.close(); }

  private static Column custom(String name, ColumnType type, List<OptionValue> options) {
    return new Column(name, name, type, type == ColumnType.TEXT ? 100 : null, null, null, null, RequiredLevel.NONE,
        true, true, options, List.of(), true);
  }

  private static final Table ACCOUNT_NOW = new Table("account", "Account", "accounts", "accountid", "name",
      Ownership.USER, false, false, List.of(Column.of("accountid", ColumnType.ID), Column.of("name", ColumnType.TEXT)),
      List.of());

  private static SystemSchema desired() {
    Table account = new Table("account", "Account", "accounts", "accountid", "name", Ownership.USER, false, false,
        List.of(Column.of("accountid", ColumnType.ID), Column.of("name", ColumnType.TEXT),
            custom("fmap_sourceid", ColumnType.TEXT, List.of()),
            custom("fmap_tier", ColumnType.CHOICE, List.of(OptionValue.of(727000000, "Gold"), OptionValue.of(727000001, "Silver")))),
        List.of(new AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid"))));
    Table project = new Table("fmap_project", "Project", "fmap_projects", "fmap_projectid", "fmap_name",
        Ownership.USER, false, true, List.of(custom("fmap_name", ColumnType.TEXT, List.of())), List.of());
    return new SystemSchema("dynamics", List.of(account, project),
        List.of(new Relationship("fmap_project_contact", "fmap_project", "contact", "fmap_project_contact", null, null,
            true)), new TreeMap<>());
  }

  @Test
  void theDiffCreatesOnlyWhatIsMissingInASafeOrder() {
    SchemaDiff diff = SchemaDiff.between(desired(),
        new SystemSchema("dynamics", List.of(ACCOUNT_NOW), List.of(), new TreeMap<>()));
    assertEquals(List.of(
        "create table fmap_project (with notes)",
        "create column account.fmap_sourceid TEXT",
        "create column account.fmap_tier CHOICE",
        "create alternate key account.fmap_sourceid_key [fmap_sourceid]",
        "create N:N relationship fmap_project_contact fmap_project <-> contact"),
        diff.changes().stream().map(SchemaChange::describe).toList());
    assertTrue(diff.problems().isEmpty());
  }

  @Test
  void aSchemaThatIsAlreadyThereNeedsNoChanges() {
    assertTrue(SchemaDiff.between(desired(), desired()).empty());
  }

  @Test
  void aNewTablesSystemColumnsAreLeftToThePlatformButOtherStandardColumnsAreStillProblems() {
    Column owner = new Column("ownerid", "Owner", ColumnType.OWNER, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED,
        true, true, List.of(), List.of(), false);
    Table project = new Table("fmap_project", "Project", "fmap_projects", "fmap_projectid", "fmap_name",
        Ownership.USER, false, true, List.of(custom("fmap_projectid", ColumnType.ID, List.of()), owner,
            Column.of("statecode", ColumnType.STATE), Column.of("createdon", ColumnType.DATETIME),
            custom("fmap_name", ColumnType.TEXT, List.of()), custom("fmap_code", ColumnType.TEXT, List.of())),
        List.of());
    SystemSchema none = new SystemSchema("dynamics", List.of(), List.of(), new TreeMap<>());
    SchemaDiff diff = SchemaDiff.between(new SystemSchema("dynamics", List.of(project), List.of(), new TreeMap<>()), none);
    assertEquals(List.of("create table fmap_project (with notes)", "create column fmap_project.fmap_code TEXT"),
        diff.changes().stream().map(SchemaChange::describe).toList());
    assertTrue(diff.problems().isEmpty(), diff.problems().toString());

    Table orgOwned = new Table("fmap_region", "Region", "fmap_regions", "fmap_regionid", "fmap_name",
        Ownership.ORGANIZATION, false, true, List.of(owner, Column.of("telephone1", ColumnType.TEXT),
            custom("fmap_name", ColumnType.TEXT, List.of())), List.of());
    SchemaDiff refused = SchemaDiff.between(new SystemSchema("dynamics", List.of(orgOwned), List.of(), new TreeMap<>()),
        none);
    assertEquals(List.of("column fmap_region.ownerid is standard but missing from the org",
        "column fmap_region.telephone1 is standard but missing from the org"), refused.problems());
  }

  @Test
  void aMissingStandardTableIsAProblemNotAnAttempt() {
    SchemaDiff diff = SchemaDiff.between(new SystemSchema("dynamics", List.of(ACCOUNT_NOW), List.of(), new TreeMap<>()),
        new SystemSchema("dynamics", List.of(), List.of(), new TreeMap<>()));
    assertTrue(diff.changes().isEmpty());
    assertTrue(diff.problems().get(0).contains("account is a standard table"), diff.problems().toString());
  }

  @Test
  void applyPostsTheDocumentedMetadataWaitsForTheKeyAndPublishes() throws Exception {
    AtomicInteger keyLooks = new AtomicInteger();
    org.handle(r -> {
      if (r.getMethod().equals("GET") && r.getUrl().encodedPath().endsWith("/Keys")) {
        String status = keyLooks.incrementAndGet() < 2 ? "Pending" : "Active";
        return json(200, "{\"value\":[{\"SchemaName\":\"fmap_sourceid_key\",\"EntityKeyIndexStatus\":\"" + status + "\"}]}");
      }
      return json(204, "");
    });
    SchemaDiff diff = SchemaDiff.between(desired(),
        new SystemSchema("dynamics", List.of(ACCOUNT_NOW), List.of(), new TreeMap<>()));
    DataverseConfig config = org.config(10, 2);
    List<String> done = new SchemaApplier(org.client(config), "fmapmigration", Duration.ofMillis(1), 10).apply(diff);
    assertEquals("publish account, contact, fmap_project", done.get(done.size() - 1));
    assertEquals(2, keyLooks.get(), "polled until the key index was active");

    RecordedRequest table = org.requests.get(0);
    assertEquals("/api/data/v9.2/EntityDefinitions", table.getUrl().encodedPath());
    assertEquals("fmapmigration", table.getHeaders().get("MSCRM.SolutionUniqueName"));
    JsonNode t = Json.MAPPER.readTree(table.getBody().utf8());
    assertTrue(t.get("HasNotes").asBoolean());
    assertTrue(t.get("Attributes").get(0).get("IsPrimaryName").asBoolean());
    assertEquals("Microsoft.Dynamics.CRM.StringAttributeMetadata", t.get("Attributes").get(0).get("@odata.type").asText());

    RecordedRequest choice = org.requests.get(2);
    assertEquals("/api/data/v9.2/EntityDefinitions(LogicalName='account')/Attributes", choice.getUrl().encodedPath());
    JsonNode c = Json.MAPPER.readTree(choice.getBody().utf8());
    assertEquals("Picklist", c.get("AttributeType").asText());
    assertEquals(727000001, c.get("OptionSet").get("Options").get(1).get("Value").asInt());

    RecordedRequest key = org.requests.get(3);
    assertEquals("/api/data/v9.2/EntityDefinitions(LogicalName='account')/Keys", key.getUrl().encodedPath());
    assertEquals("[\"fmap_sourceid\"]", Json.MAPPER.readTree(key.getBody().utf8()).get("KeyAttributes").toString());

    RecordedRequest publish = org.requests.get(org.requests.size() - 1);
    assertEquals("/api/data/v9.2/PublishXml", publish.getUrl().encodedPath());
    assertEquals("<importexportxml><entities><entity>account</entity><entity>contact</entity>"
        + "<entity>fmap_project</entity></entities></importexportxml>",
        Json.MAPPER.readTree(publish.getBody().utf8()).get("ParameterXml").asText());
  }
}
