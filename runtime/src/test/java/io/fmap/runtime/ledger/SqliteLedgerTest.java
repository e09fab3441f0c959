package io.fmap.runtime.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on embedded SQLite, plus what only a file-backed ledger has. */
class SqliteLedgerTest extends LedgerContract {

  @TempDir
  Path dir;

  @Override
  Ledger openFresh() {
    return Ledger.open(LedgerLocation.defaultFor(dir), new SteppingClock());
  }

  @Test
  void theDefaultLedgerIsAFileInTheProjectsFmapFolderInWalMode() throws Exception {
    assertTrue(Files.exists(dir.resolve(".fmap/ledger.db")));
    try (Connection c = DriverManager.getConnection(ledger.location().jdbcUrl());
        Statement s = c.createStatement();
        var rows = s.executeQuery("PRAGMA journal_mode")) {
      rows.next();
      assertEquals("wal", rows.getString(1));
    }
  }

  @Test
  void whatWasCommittedSurvivesReopening() {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    ledger.intend(run, List.of(create(ACME)));
    ledger.close();
    ledger = openFresh();
    assertEquals(List.of(ACME), ledger.inDoubt(run).stream().map(LedgerEntry::key).toList());
  }

  @Test
  void aLedgerOfAnOlderSchemaIsUpgradedInPlaceKeepingItsRuns() throws Exception {
    Path old = dir.resolve("old.db");
    try (Connection c = ledgerMarkedAtVersion(old, 1); Statement s = c.createStatement()) {
      for (String sql : Migrations.ALL.get(0).statements()) {
        s.execute(Dialect.SQLITE.ddl(sql));
      }
      s.execute("INSERT INTO runs (mode, status, who, plan_hash, started_at) "
          + "VALUES ('full', 'completed', 'ana', 'h', '2026-01-01T00:00:00.000Z')");
    }
    try (Ledger upgraded = Ledger.open(LedgerLocation.sqliteFile(old), new SteppingClock())) {
      assertEquals(Migrations.latest(), upgraded.schemaVersion());
      assertEquals(1, upgraded.runs().size());
      upgraded.recordThrottleWait(upgraded.runs().get(0).id(), new ThrottleWait("account", 429, 10));
    }
  }

  @Test
  void aLedgerWrittenByANewerFmapIsRefusedWithANextStep() throws Exception {
    Path newer = dir.resolve("newer.db");
    ledgerMarkedAtVersion(newer, 99).close();
    LedgerException e = assertThrows(LedgerException.class, () -> Ledger.open(LedgerLocation.sqliteFile(newer)));
    assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    assertTrue(e.getMessage().contains("newer fmap"), e.getMessage());
  }

  @Test
  void aLedgerPathThatCannotBeCreatedIsReportedWithThePathAndNoStackTraceInTheMessage() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "not a folder");
    LedgerException e = assertThrows(LedgerException.class,
        () -> Ledger.open(LedgerLocation.sqliteFile(blocker.resolve("ledger.db"))));
    assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
  }

  @Test
  void aKilledWriterLeavesNoStaleLock() throws Exception {
    Path file = dir.resolve(".fmap/ledger.db");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()))) {
      assertEquals("locked", out.readLine());
      LedgerException busy = assertThrows(LedgerException.class, () -> ledger.lockForWriting("pid 2"));
      assertTrue(busy.getMessage().contains("(lock holder)"), busy.getMessage());
    } finally {
      holder.destroyForcibly();
      assertTrue(holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    }
    try (WriterLock lock = ledger.lockForWriting("pid 2")) {
      assertTrue(lock instanceof WriterLock.OnFile);
    }
  }

  @Test
  void workersOfOneTierShareTheLedgerWithoutLosingAnEntry() throws Exception {
    long run = ledger.startRun(RunMode.FULL, "ana", "h").id();
    int workers = 4;
    int batches = 25;
    int batchSize = 20;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        done.add(pool.submit(() -> {
          for (int b = 0; b < batches; b++) {
            List<Intent> intents = new java.util.ArrayList<>();
            List<Outcome> answers = new java.util.ArrayList<>();
            for (int i = 0; i < batchSize; i++) {
              RecordKey key = new RecordKey("Contact", worker + "-" + b + "-" + i, "contact");
              intents.add(create(key));
              answers.add(created(key, "g-" + key.sourceId()));
            }
            ledger.intend(run, intents);
            ledger.settle(run, answers);
          }
        }));
      }
      for (var future : done) {
        future.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(new LedgerAudit.ObjectCounts("Contact", "contact", workers * batches * batchSize,
        0, 0, 0, 0, 0, 0, 0)), ledger.audit().counts(run));
  }

  @Test
  void aFileThatIsNoLedgerIsRefusedNamingIt() throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "these are not the tables you are looking for ".repeat(100));
    LedgerException e = assertThrows(LedgerException.class, () -> Ledger.open(LedgerLocation.sqliteFile(notes)));
    assertTrue(e.getMessage().contains(notes.toString()), e.getMessage());
  }

  /** An SQLite file whose migrations table says it is at {@code version}; the caller adds the tables. */
  private static Connection ledgerMarkedAtVersion(Path file, int version) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ledger_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
          + "applied_at TEXT NOT NULL)");
      s.execute("INSERT INTO ledger_migrations VALUES (" + version + ", 'v" + version + "', '2026-01-01T00:00:00.000Z')");
    }
    return c;
  }
}
