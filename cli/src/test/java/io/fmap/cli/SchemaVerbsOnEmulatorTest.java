package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SchemaVerbsOnEmulatorTest {
  @TempDir Path dir;

  @AfterEach void restoreEnvironment() { DataverseOptions.environment = System::getenv; }

  private String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Fmap.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    assertEquals(expectedExit, cli.execute(args), out + "\n" + err);
    return out.toString();
  }

  private Path config(DataverseEmulator dv) throws Exception {
    return config(dv, dir);
  }

  private static Path config(DataverseEmulator dv, Path folder) throws Exception {
    DataverseOptions.environment = name -> name.equals("FMAP_TEST_SECRET") ? "fmap-demo" : null;
    return Files.writeString(folder.resolve("fmap.yaml"), "dataverse:\n"
        + "  url: " + dv.rootUrl() + "\n"
        + "  tokenUrl: " + dv.tokenUrl("contoso") + "\n"
        + "  clientId: fmap-demo\n"
        + "  secretEnv: FMAP_TEST_SECRET\n");
  }

  @Test
  void pullThenApplyThenApplyAgainSaysNoChanges() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults().withKeyActivation(Duration.ZERO))) {
      Path config = config(dv);
      Path snapshot = dir.resolve("schemas/dynamics.json");
      String pulled = run(Fmap.OK, "schema", "pull", "--config", config.toString(), "--out", snapshot.toString(),
          "--tables", "account,contact");
      assertTrue(pulled.startsWith("pulled 2 tables"), pulled);
      SystemSchema org = SchemaSnapshots.read(snapshot);
      assertEquals("accounts", org.table("account").orElseThrow().entitySetName());

      Table account = org.table("account").orElseThrow();
      List<Column> columns = new ArrayList<>(account.columns());
      columns.add(new Column("fmap_sourceid", "Source id", ColumnType.TEXT, 100, null, null, null, RequiredLevel.NONE,
          true, true, List.of(), List.of(), true));
      Table wanted = new Table(account.name(), account.displayName(), account.entitySetName(),
          account.primaryIdColumn(), account.primaryNameColumn(), account.ownership(), false, false, columns,
          List.of(new AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid"))));
      Path desired = dir.resolve("desired.json");
      SchemaSnapshots.write(desired, new SystemSchema("dynamics", List.of(wanted), List.of(), org.settings()));

      String first = run(Fmap.OK, "schema", "apply", "--config", config.toString(), "--schema", desired.toString());
      assertEquals(String.join(System.lineSeparator(), "create column account.fmap_sourceid TEXT",
          "create alternate key account.fmap_sourceid_key [fmap_sourceid]", "publish account", ""), first);
      String second = run(Fmap.OK, "schema", "apply", "--config", config.toString(), "--schema", desired.toString());
      assertTrue(second.startsWith("no changes"), second);
    }
  }

  @Test
  void theStandardSetsPlanAppliesToAFreshOrgAndThenNeedsNothingMore() throws Exception {
    Path project = PlanCommandTest.copyOfStdlib(dir.resolve("acme"));
    SystemSchema wanted = ProjectPlan.load(project).planned().orElseThrow().program().target();
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults().withKeyActivation(Duration.ZERO))) {
      Path config = config(dv, project);
      run(Fmap.BLOCKED, "schema", "apply", "--config", config.toString());
      run(Fmap.OK, "plan", "--approve", project.toString());
      String first = run(Fmap.OK, "schema", "apply", "--config", config.toString());
      assertTrue(first.contains("create table fmap_project (with notes)"), first);
      assertTrue(first.contains("create column account.fmap_tier CHOICE"), first);
      assertTrue(first.contains("create alternate key account.fmap_sourceid_key [fmap_sourceid]"), first);
      Path pulled = dir.resolve("pulled.json");
      run(Fmap.OK, "schema", "pull", "--config", config.toString(), "--out", pulled.toString(), "--tables",
          String.join(",", wanted.tables().stream().filter(t -> !t.custom()).map(Table::name).toList()));
      SystemSchema org = SchemaSnapshots.read(pulled);
      for (Table t : wanted.tables()) {
        Table there = org.table(t.name()).orElseThrow(() -> new AssertionError("the org lacks table " + t.name()));
        for (Column c : t.columns()) {
          if (!c.custom()) continue;
          Column made = there.column(c.name()).orElseThrow(() -> new AssertionError("the org lacks " + t.name() + "." + c.name()));
          assertEquals(c.type(), made.type(), t.name() + "." + c.name());
        }
        for (AlternateKey k : t.keys()) {
          assertTrue(there.keys().stream().anyMatch(h -> h.columns().equals(k.columns())), "the org lacks " + k);
        }
      }
      for (var r : wanted.relationships()) {
        assertTrue(org.relationships().stream().anyMatch(h -> h.name().equals(r.name())), "the org lacks " + r.name());
      }
      String second = run(Fmap.OK, "schema", "apply", "--config", config.toString());
      assertTrue(second.startsWith("no changes"), second);
    }
  }

  /** The stdlib's org, with account.name shortened (a column the company map writes) and a new contact column. */
  private static SystemSchema drifted(SystemSchema pinned) {
    List<Table> tables = new ArrayList<>();
    for (Table t : pinned.tables()) {
      List<Column> columns = new ArrayList<>();
      for (Column c : t.columns()) {
        boolean shorten = t.name().equals("account") && c.name().equals("name");
        columns.add(shorten ? new Column(c.name(), c.displayName(), c.type(), 100, c.precision(), c.minValue(),
            c.maxValue(), c.required(), c.validForCreate(), c.validForUpdate(), c.options(), c.targets(), c.custom()) : c);
      }
      if (t.name().equals("contact")) columns.add(new Column("new_pager", "Pager", ColumnType.TEXT, 50, null, null, null,
          RequiredLevel.NONE, true, true, List.of(), List.of(), true));
      tables.add(new Table(t.name(), t.displayName(), t.entitySetName(), t.primaryIdColumn(), t.primaryNameColumn(),
          t.ownership(), t.activity(), t.custom(), columns, t.keys()));
    }
    return new SystemSchema(pinned.system(), tables, pinned.relationships(), pinned.settings());
  }

  @Test
  void pullPrintsTheDriftFromThePreviousSnapshotMarkingWhatTheMappingsWrite() throws Exception {
    Path project = PlanCommandTest.copyOfStdlib(dir.resolve("acme"));
    Path snapshot = project.resolve("schemas/dynamics.json");
    SystemSchema pinned = SchemaSnapshots.read(snapshot);
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults().withSchema(drifted(pinned)))) {
      Path config = config(dv);
      String[] pull = {"schema", "pull", "--config", config.toString(), "--out", snapshot.toString()};
      String first = run(Fmap.FINDINGS, pull);
      assertTrue(first.contains("drift since the previous snapshot: 2 changes, 1 touching fields the mappings write\n"
          + "  ! column account.name: max length 160 -> 100\n"), first);
      assertTrue(first.contains("    column contact.new_pager added (TEXT(50))\n"), first);
      assertTrue(first.indexOf("  ! ") < first.indexOf("    column"), "marked drift comes first: " + first);
      assertEquals(100, SchemaSnapshots.read(snapshot).table("account").orElseThrow().column("name").orElseThrow()
          .maxLength(), "the new snapshot is written all the same");

      String again = run(Fmap.OK, pull);
      assertTrue(again.endsWith("no drift since the previous snapshot\n"), again);
    }
  }

  @Test
  void pullJsonListsEveryDriftWithWhetherItIsMapped() throws Exception {
    Path project = PlanCommandTest.copyOfStdlib(dir.resolve("acme"));
    Path snapshot = project.resolve("schemas/dynamics.json");
    try (DataverseEmulator dv = DataverseEmulator.start(
        EmulatorConfig.defaults().withSchema(drifted(SchemaSnapshots.read(snapshot))))) {
      String out = run(Fmap.FINDINGS, "schema", "pull", "--config", config(dv).toString(), "--out", snapshot.toString(),
          "--json");
      JsonNode json = new ObjectMapper().readTree(out);
      assertTrue(json.path("previous").asBoolean());
      assertTrue(json.path("mappingsChecked").asBoolean());
      List<String> drift = new ArrayList<>();
      json.path("drift").forEach(d -> drift.add(d.path("kind").asText() + " " + d.path("table").asText() + "."
          + d.path("column").asText() + " mapped=" + d.path("mapped").asBoolean()));
      assertTrue(drift.contains("column_changed account.name mapped=true"), drift.toString());
      assertTrue(drift.contains("column_added contact.new_pager mapped=false"), drift.toString());
    }
  }

  @Test
  void sparkPullPinsTheSourceSchemaAndMarksDriftInFieldsTheMappingsRead() throws Exception {
    Path project = PlanCommandTest.copyOfStdlib(dir.resolve("acme"));
    Path snapshot = project.resolve("schemas/spark.json");
    // The sample export, whose schema has since changed: a company's name is shorter, and a new field came.
    Path export = Files.createDirectories(dir.resolve("export"));
    ObjectMapper mapper = new ObjectMapper();
    JsonNode schema = mapper.readTree(Path.of("../samples/spark-export/schema.json").toFile());
    for (JsonNode object : schema.path("objects")) {
      if (!object.path("name").asText().equals("Company")) continue;
      for (JsonNode field : object.path("fields")) {
        if (field.path("name").asText().equals("name")) ((ObjectNode) field).put("max_length", 100);
      }
      ((ArrayNode) object.path("fields")).addObject().put("name", "legacy_code").put("label", "Legacy code")
          .put("type", "text").put("max_length", 30);
    }
    mapper.writeValue(export.resolve("schema.json").toFile(), schema);
    Path config = Files.writeString(project.resolve("fmap.yaml"), "spark:\n  export: " + export + "\n");
    String[] pull = {"schema", "pull", "--spark", "--config", config.toString(), "--out", snapshot.toString()};

    String first = run(Fmap.FINDINGS, pull);
    assertTrue(first.startsWith("pulled 10 objects and 1 N:N relationships from " + export), first);
    assertTrue(first.contains("drift since the previous snapshot: 2 changes, 1 touching fields the mappings read\n"
        + "  ! column Company.name: max length 255 -> 100\n"
        + "    column Company.legacy_code added (TEXT(30))\n"), first);
    assertEquals(100, SchemaSnapshots.read(snapshot).table("Company").orElseThrow().column("name").orElseThrow()
        .maxLength());
    assertTrue(run(Fmap.OK, pull).endsWith("no drift since the previous snapshot\n"));
  }
}
