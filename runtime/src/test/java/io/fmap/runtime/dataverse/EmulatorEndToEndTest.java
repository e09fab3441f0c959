package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.dataverse.Faults;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.target.EntityRef;
import io.fmap.runtime.target.LinkOnlyFileStore;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real connector against the in-process emulator: every request on loopback, every rule enforced. */
class EmulatorEndToEndTest {
  private static final RetryPolicy PATIENT =
      new RetryPolicy(8, 200, Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(2));

  private static DataverseConfig config(DataverseEmulator dv, int batch, int parallelism) {
    URI url = URI.create(dv.rootUrl());
    return new DataverseConfig(url, "v9.2", URI.create(dv.tokenUrl("contoso")), url + "/.default",
        List.of(new Identity("fmap-demo", "FMAP_SECRET", Secret.of("fmap-demo"))), batch, parallelism, false, false,
        null);
  }

  private static DataverseClient client(DataverseConfig config) {
    return DataverseClient.open(config, config.identities().get(0), PATIENT, new Redactor());
  }

  /** account as the org has it, plus the source-id column and its alternate key. */
  private static SystemSchema withSourceKey(SystemSchema now) {
    Table account = now.table("account").orElseThrow();
    List<Column> columns = new ArrayList<>(account.columns());
    columns.add(new Column("fmap_sourceid", "Source id", ColumnType.TEXT, 100, null, null, null, RequiredLevel.NONE,
        true, true, List.of(), List.of(), true));
    Table wanted = new Table("account", account.displayName(), account.entitySetName(), account.primaryIdColumn(),
        account.primaryNameColumn(), account.ownership(), false, false, columns,
        List.of(new AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid"))));
    return new SystemSchema("dynamics", List.of(wanted), List.of(), now.settings());
  }

  private static SystemSchema prepare(DataverseConfig config) throws Exception {
    DataverseClient c = client(config);
    SchemaPuller puller = new SchemaPuller(c);
    SystemSchema now = puller.pull(List.of("account", "task"));
    new SchemaApplier(c, null, Duration.ofMillis(50), 200).apply(SchemaDiff.between(withSourceKey(now), now));
    return puller.pull(List.of("account", "task"));
  }

  private static List<RowWrite> accounts(int n) {
    List<RowWrite> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new RowWrite("S" + i, RowAddress.ByKey.of("fmap_sourceid", "S" + i),
          Map.of("name", "Account " + i, "telephone1", "555-" + i)));
    }
    return rows;
  }

  @Test
  void schemaApplyCreatesTheKeyAndASecondApplyFindsNothingToDo() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults().withKeyActivation(Duration.ofMillis(200)))) {
      DataverseConfig config = config(dv, 100, 8);
      DataverseClient c = client(config);
      SchemaPuller puller = new SchemaPuller(c);
      SystemSchema before = puller.pull(List.of("account"));
      SchemaDiff first = SchemaDiff.between(withSourceKey(before), before);
      List<String> done = new SchemaApplier(c, null, Duration.ofMillis(50), 200).apply(first);
      assertEquals(List.of("create column account.fmap_sourceid TEXT",
          "create alternate key account.fmap_sourceid_key [fmap_sourceid]", "publish account"), done);
      SystemSchema after = puller.pull(List.of("account"));
      assertTrue(after.table("account").orElseThrow().column("fmap_sourceid").isPresent());
      assertTrue(SchemaDiff.between(withSourceKey(before), after).empty(), "second apply: no changes");
    }
  }

  @Test
  void aLoadUnderStrictLimitsWithFaultsAndShortTokensLosesAndDuplicatesNothing() throws Exception {
    Limits strict = Limits.strict().withWindow(Duration.ofSeconds(3)).withRequests(40);
    EmulatorConfig ec = EmulatorConfig.defaults().withLimits(strict).withFaults(new Faults(0.05, 42, 50))
        .withTokenLifetime(Duration.ofSeconds(2)).withKeyActivation(Duration.ZERO);
    try (DataverseEmulator dv = DataverseEmulator.start(ec)) {
      dv.limits(Limits.none()); // schema set-up is not what this test measures
      DataverseConfig config = config(dv, 10, strict.concurrent());
      SystemSchema schema = prepare(config);
      dv.limits(strict);
      List<WriteResult> results;
      DataverseTargetConnector c = DataverseTargetConnector.open(config, schema, PATIENT, new LinkOnlyFileStore("x"));
      try (c) {
        results = c.write("account", accounts(1200));
      }
      List<WriteResult> failed = results.stream().filter(r -> !r.ok()).toList();
      assertEquals(List.of(), failed, "zero failed rows");
      assertEquals(1200, dv.count("account") - 0, "nothing lost, nothing duplicated");
      Set<String> keys = new HashSet<>();
      dv.rows("account").forEach(r -> keys.add(r.path("fmap_sourceid").asText()));
      assertEquals(1200, keys.size());
      DataverseClient used = c.clients().get(0);
      assertTrue(used.gate().maxInFlight() <= strict.concurrent(), "gate stayed under the cap");
      assertTrue(dv.stats().throttled() > 0, "the limits were reached, so the test exercised 429s");
      assertTrue(dv.stats().faults() > 0, "faults were injected");
    }
  }

  @Test
  void workIsSpreadOverEveryIdentity() throws Exception {
    EmulatorConfig ec = EmulatorConfig.defaults().withKeyActivation(Duration.ZERO)
        .withClients(Map.of("app-a", "secret-a", "app-b", "secret-b"));
    try (DataverseEmulator dv = DataverseEmulator.start(ec)) {
      URI url = URI.create(dv.rootUrl());
      DataverseConfig config = new DataverseConfig(url, "v9.2", URI.create(dv.tokenUrl("contoso")), url + "/.default",
          List.of(new Identity("app-a", "A", Secret.of("secret-a")), new Identity("app-b", "B", Secret.of("secret-b"))),
          20, 4, false, false, null);
      SystemSchema schema = prepare(config);
      try (var c = DataverseTargetConnector.open(config, schema, PATIENT, new LinkOnlyFileStore("x"))) {
        assertTrue(c.write("account", accounts(400)).stream().allMatch(WriteResult::ok));
        for (DataverseClient client : c.clients()) {
          assertTrue(client.gate().maxInFlight() > 0, client.name() + " wrote nothing");
        }
      }
      assertEquals(400, dv.count("account"));
    }
  }

  @Test
  void aBulkCreateWithOneBadRowIsBisectedAndOnlyThatRowFails() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults().withKeyActivation(Duration.ZERO))) {
      DataverseConfig config = config(dv, 64, 4);
      SystemSchema schema = new SchemaPuller(client(config)).pull(List.of("account"));
      List<RowWrite> rows = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String name = i == 37 ? "x".repeat(161) : "Account " + i; // account.name holds 160
        rows.add(new RowWrite("N" + i, new RowAddress.New(UUID.nameUUIDFromBytes(("N" + i).getBytes())),
            Map.of("name", name)));
      }
      List<WriteResult> results;
      try (var c = DataverseTargetConnector.open(config, schema, PATIENT, new LinkOnlyFileStore("x"))) {
        results = c.write("account", rows);
      }
      for (int i = 0; i < 64; i++) assertEquals(i != 37, results.get(i).ok(), "row " + i + " " + results.get(i));
      assertEquals("0x80044331", results.get(37).code());
      assertTrue(results.get(37).message().contains("name"), results.get(37).message());
      assertEquals(63, dv.count("account"));
    }
  }

  @Test
  void aClosedTaskIsCreatedOpenThenClosedAndReadsPageThroughEverything() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults().withKeyActivation(Duration.ZERO))) {
      DataverseConfig config = config(dv, 50, 4);
      SystemSchema schema = prepare(config);
      try (var c = DataverseTargetConnector.open(config, schema, PATIENT, new LinkOnlyFileStore("x"))) {
        List<WriteResult> accounts = c.write("account", accounts(120));
        assertTrue(accounts.stream().allMatch(WriteResult::ok), accounts.toString());
        // The id reported for a row upserted by key is the id the org gave it: the ledger can rely on it.
        assertEquals("S7", dv.row("account", accounts.get(7).targetId()).orElseThrow().path("fmap_sourceid").asText());
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("subject", "Call back");
        task.put("regardingobjectid_account_task",
            new EntityRef("accounts", RowAddress.ByKey.of("fmap_sourceid", "S7")));
        task.put("statecode", 1);
        task.put("statuscode", 5);
        UUID id = UUID.nameUUIDFromBytes("T1".getBytes());
        List<WriteResult> t = c.write("task", List.of(new RowWrite("T1", new RowAddress.ById(id), task)));
        assertTrue(t.get(0).ok(), t.toString());
        assertEquals(1, dv.row("task", id).orElseThrow().path("statecode").asInt());
        assertEquals(120, c.count("account"));
        List<Map<String, Object>> read = new ArrayList<>();
        c.read("account", List.of("name", "fmap_sourceid"), "fmap_sourceid eq 'S7'", read::add);
        assertEquals("Account 7", read.get(0).get("name"));
      }
    }
  }
}
