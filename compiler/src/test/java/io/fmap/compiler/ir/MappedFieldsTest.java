package io.fmap.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.schema.SchemaDrift;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the standard set: which fields drift would break. */
class MappedFieldsTest {
  private static MappedFields fields;

  @BeforeAll
  static void load() throws Exception {
    CheckResult checked = Compiler.check(ProjectLoader.load(Path.of("../stdlib-mappings")));
    fields = MappedFields.of(checked.program().orElseThrow(() -> new AssertionError(checked.diagnostics().toString())));
  }

  @Test
  void fieldsReadInAssignmentsConditionsMatchesAndValueMapsCount() {
    assertTrue(fields.read().contains("Company.name"), "plain assignment");
    assertTrue(fields.read().contains("Activity.type"), "routing condition");
    assertTrue(fields.read().contains("Activity.related"), "match subject");
    assertTrue(fields.read().contains("Activity.owner_email"), "owner(...)");
    assertTrue(fields.read().contains("Project.status"), "value map input");
  }

  @Test
  void columnsWrittenIncludeKeysAndTheOwner() {
    assertTrue(fields.written().contains("account.fmap_sourceid"), "key");
    assertTrue(fields.written().contains("account.ownerid"));
    assertTrue(fields.written().contains("task.scheduledend"));
    assertFalse(fields.written().contains("account.fax"), "a column no map assigns");
  }

  @Test
  void driftTouchesTheMappingsOnlyOnItsOwnSide() {
    SchemaDrift.Change name = new SchemaDrift.Change(SchemaDrift.Kind.COLUMN_CHANGED, "Company", "name", List.of("x"));
    assertTrue(fields.touches(name, true));
    assertFalse(fields.touches(name, false));
    assertTrue(fields.touches(new SchemaDrift.Change(SchemaDrift.Kind.TABLE_REMOVED, "account", null, List.of()), false));
    assertFalse(fields.touches(new SchemaDrift.Change(SchemaDrift.Kind.TABLE_REMOVED, "competitor", null, List.of()), false));
  }
}
