package io.fmap.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped Dynamics 365 Sales snapshot: canonical bytes and the facts the checker and emulator rely on. */
class DynamicsSnapshotTest {
  private static final Path FILE = Path.of("schemas/dynamics.json");
  private static String text;
  private static SystemSchema schema;

  @BeforeAll
  static void read() throws IOException {
    text = Files.readString(FILE, StandardCharsets.UTF_8);
    schema = SchemaSnapshots.fromJson(text);
  }

  private static Column column(String table, String column) {
    return schema.table(table).orElseThrow(() -> new AssertionError("no table " + table))
        .column(column).orElseThrow(() -> new AssertionError("no column " + table + "." + column));
  }

  @Test
  void fileIsInCanonicalSnapshotFormSoThatPullsDiffCleanly() {
    assertEquals(SchemaSnapshots.toJson(schema), text);
  }

  @Test
  void holdsEveryStandardTableTheMigrationWrites() {
    List<String> expected = List.of("account", "activityparty", "annotation", "appointment", "businessunit",
        "connection", "connectionrole", "contact", "email", "lead", "opportunity", "opportunityclose",
        "opportunitysalesprocess", "phonecall", "processstage", "systemuser", "task", "team", "workflow");
    assertEquals(expected, schema.tables().stream().map(Table::name).toList());
    for (Table t : schema.tables()) {
      assertTrue(t.column(t.primaryIdColumn()).isPresent(), t.name() + " has its primary id column");
      assertTrue(t.keys().isEmpty(), t.name() + ": a fresh org has no alternate keys");
      assertTrue(t.ownership() != Ownership.USER || t.column("ownerid").isPresent(), t.name() + " user-owned has ownerid");
    }
  }

  @Test
  void lengthsAndRequiredLevelsMatchTheDataverseReference() {
    assertEquals(160, column("account", "name").maxLength());
    assertEquals(RequiredLevel.APPLICATION_REQUIRED, column("account", "name").required());
    assertEquals(RequiredLevel.APPLICATION_REQUIRED, column("contact", "lastname").required());
    assertEquals(200, column("task", "subject").maxLength());
    assertEquals(300, column("lead", "subject").maxLength());
    assertFalse(column("opportunity", "statecode").validForCreate(), "statecode cannot be set on create");
    assertFalse(column("account", "overriddencreatedon").validForUpdate(), "overriddencreatedon is create-only");
    assertEquals(ColumnType.DATE, column("opportunity", "estimatedclosedate").type());
  }

  @Test
  void polymorphicLookupsCarryTheirNavigationPropertyPerTarget() {
    assertEquals(List.of(new LookupTarget("account", "parentcustomerid_account"),
            new LookupTarget("contact", "parentcustomerid_contact")),
        column("contact", "parentcustomerid").targets());
    assertEquals("regardingobjectid_account_task",
        column("task", "regardingobjectid").target("account").orElseThrow().navigationProperty());
    assertEquals("objectid_opportunity",
        column("annotation", "objectid").target("opportunity").orElseThrow().navigationProperty());
    assertEquals("partyid_systemuser",
        column("activityparty", "partyid").target("systemuser").orElseThrow().navigationProperty());
  }

  @Test
  void statusReasonsNameTheStateTheyBelongTo() {
    OptionValue completed = column("task", "statuscode").optionByValue(5).orElseThrow();
    assertEquals("Completed", completed.label());
    assertEquals("1", completed.group());
    assertEquals("Close", column("opportunity", "salesstage").optionByValue(3).orElseThrow().label());
    assertEquals("Word of Mouth", column("lead", "leadsourcecode").optionByValue(9).orElseThrow().label());
    assertEquals(33, column("account", "industrycode").options().size());
  }
}
