package io.fmap.compiler.stdlib;

import static io.fmap.compiler.stdlib.StandardSet.plan;
import static io.fmap.compiler.stdlib.StandardSet.record;
import static io.fmap.compiler.stdlib.StandardSet.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.runtime.api.SchemaChange;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.schema.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows 9 and 10: the custom object Project → custom table with its N:N, custom fields → typed columns. */
class ProjectRowTest {

  @Test
  void theCustomTableAndItsManyToManyAreSchemaChanges() {
    var table = plan().schemaChanges().stream().filter(SchemaChange.AddTable.class::isInstance)
        .map(c -> ((SchemaChange.AddTable) c).table()).filter(t -> t.name().equals("fmap_project")).findFirst().orElseThrow();
    assertTrue(table.column("fmap_status").isPresent());
    assertTrue(plan().schemaChanges().stream().anyMatch(c -> c instanceof SchemaChange.AddRelationship r
        && r.relationship().name().equals("fmap_project_contact")
        && r.relationship().table1().equals("fmap_project") && r.relationship().table2().equals("contact")));
  }

  /** The N:N is filled after the load from Spark's own Project ↔ Contact links (`contact_ids`). */
  @Test
  void theManyToManyIsAssociatedAfterLoadFromTheProjectsContactIds() {
    assertEquals(java.util.List.of(new io.fmap.runtime.api.Association("fmap_project_contact", "Project", "fmap_project",
        "fmap_project_contact", "contact_ids", "Contact", "contact",
        new io.fmap.runtime.api.FmapLocation("mappings/project.fmap", 14))), plan().associations().stream()
        .filter(a -> a.sourceObject().equals("Project")).toList());
  }

  @Test
  void aProjectBecomesARowOfTheCustomTable() {
    TargetRow row = row(record("Project", "prj-0000001"));
    assertEquals("fmap_project", row.table());
    assertEquals("Project Summit 1", row.columns().get("fmap_name"));
    assertEquals(new BigDecimal("385462.23"), row.columns().get("fmap_budget"));
    assertEquals(LocalDate.parse("2024-10-04"), row.columns().get("fmap_startdate"));
    assertEquals(new TargetRef("account", "fmap_accountid", TargetKey.alternate("fmap_sourceid", "cmp-0000013")),
        row.lookups().get("fmap_accountid"));
  }

  @Test
  void everySampleProjectMaps() {
    StandardSet.records("Project").forEach(p -> assertEquals("fmap_project", row(p).table()));
  }

  @Test
  void customFieldsGetColumnsOfTheMatchingType() {
    var account = StandardSet.program().target().table("account").orElseThrow();
    assertEquals(ColumnType.DATE, account.column("fmap_customersince").orElseThrow().type());
    var contact = StandardSet.program().target().table("contact").orElseThrow();
    assertEquals(ColumnType.DECIMAL, contact.column("fmap_leadscore").orElseThrow().type());
    assertEquals(ColumnType.BOOL, contact.column("fmap_newsletter").orElseThrow().type());
    assertEquals(ColumnType.CHOICE, contact.column("fmap_preferredlanguage").orElseThrow().type());
    assertEquals(ColumnType.DATETIME, contact.column("fmap_lastwebinarat").orElseThrow().type());
    TargetRow company = row(record("Company", "cmp-0000001"));
    assertEquals(LocalDate.parse((String) record("Company", "cmp-0000001").get("Customer Since")),
        company.columns().get("fmap_customersince"), "a field whose name has a space");
    assertEquals(100000002, company.columns().get("fmap_tier"), "Bronze, the third option of the new choice");
    assertEquals(ColumnType.MEMO, account.column("fmap_internalnotes").orElseThrow().type());
    assertEquals(record("Company", "cmp-0000009").get("internal_notes"),
        row(record("Company", "cmp-0000009")).columns().get("fmap_internalnotes"), "a long text whole, not cut to 2,000");
  }

  /** Sales Professional allows 15 custom tables; the check says so before anything is created. */
  @Test
  void moreCustomTablesThanTheEditionAllowsAreReported(@TempDir Path project) throws IOException {
    StandardSet.copyTo(project);
    StringBuilder extra = new StringBuilder();
    for (int i = 1; i <= 15; i++) extra.append("table dynamics.fmap_extra").append(i).append(" {\n  fmap_name: text(100)\n}\n");
    Files.writeString(project.resolve("mappings/extra.fmap"), extra);
    Files.writeString(project.resolve("fmap.yaml"), "edition: professional\n");
    CheckResult result = Compiler.check(ProjectLoader.load(project));
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.CUSTOM_TABLE_CAP), result.diagnostics().toString());
  }
}
