package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole cutover undone: {@code fmap schema apply} creates the plan's columns, keys, option values and
 * N:N relationships in an org that has only the standard Sales schema, {@code fmap migrate} loads, and
 * {@code fmap rollback --all --schema --yes} leaves the org's metadata and rows exactly as they were.
 */
class RollbackSchemaOnEmulatorsTest {
  @TempDir Path dir;

  @Test
  void schemaApplyThenMigrateThenRollbackAllWithSchemaLeavesTheOrgAsItWas() throws Exception {
    try (EmulatedProject project = EmulatedProject.beforeSchemaApply(dir, 5, 120)) {
      assertEquals(Fmap.OK, project.approve().exit());
      ObjectNode before = project.dataverse.dump();

      CliRun apply = CliRun.of("schema", "apply", "--config", project.dir.resolve("fmap.yaml").toString());
      assertEquals(Fmap.OK, apply.exit(), apply.out() + apply.err());
      assertNotEquals(before.path("schema"), project.dataverse.dump().path("schema"), apply.out());
      CliRun migrate = project.run("migrate", "--accept-warnings");
      assertTrue(migrate.exit() == Fmap.OK || migrate.exit() == Fmap.FINDINGS, migrate.out() + migrate.err());
      assertTrue(project.dataverse.count("account") > 0, migrate.out());

      CliRun keeping = project.run("rollback", "--all");
      assertEquals(Fmap.OK, keeping.exit(), keeping.out() + keeping.err());
      assertTrue(keeping.out().contains("schema changes stay"), keeping.out());
      CliRun dryRun = project.run("rollback", "--all", "--schema");
      assertEquals(Fmap.OK, dryRun.exit(), dryRun.out() + dryRun.err());
      assertTrue(dryRun.out().contains("schema: remove column account.fmap_sourceid"), dryRun.out());

      CliRun undo = project.run("rollback", "--all", "--schema", "--yes");
      assertEquals(Fmap.OK, undo.exit(), undo.out() + undo.err());
      JsonNode after = comparable(project.dataverse.dump());
      assertEquals(comparable(before), after, undo.out() + OrgDumps.differences(comparable(before), after));
      assertEquals(0, project.dataverse.count("account"), undo.out());

      CliRun again = project.run("rollback", "--all", "--schema", "--yes");
      assertEquals(Fmap.OK, again.exit(), again.out() + again.err());
      assertTrue(again.out().contains("nothing to roll back"), again.out());
    }
  }

  /**
   * The dump without row versions: the platform gives a row a new version whenever it is written, and
   * seeding a new table's bulk-message filters writes the other tables' filter rows again, unchanged.
   */
  private static JsonNode comparable(ObjectNode dump) {
    ObjectNode copy = dump.deepCopy();
    for (Iterator<JsonNode> tables = copy.path("rows").elements(); tables.hasNext(); ) {
      for (JsonNode row : tables.next()) ((ObjectNode) row).remove("version");
    }
    return copy;
  }
}
