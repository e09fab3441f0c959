package io.fmap.runtime.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety for real: a child JVM runs {@link CrashingWriter} and is killed ({@code kill -9}) at
 * seeded points of its write loop (while announcing, between sends, while confirming), then run
 * again until it completes. Between kills and at the end, the ledger must agree with the server.
 * On SQLite always, on PostgreSQL too when {@code FMAP_TEST_PG_URL} is set.
 */
class LedgerCrashTest {

  static final int RECORDS = 1500;
  static final int BATCH = 40;
  static final int KILLS = 20;

  @TempDir(factory = MemoryTempDir.class)
  Path dir;

  static RecordKey key(int i) {
    return new RecordKey("Contact", String.format("r%05d", i), "contact");
  }

  /** How often the server received each record (complete lines only: a torn line never arrived). */
  static Map<String, Integer> received(Path serverFile) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    if (!Files.exists(serverFile)) {
      return counts;
    }
    String text = Files.readString(serverFile, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return counts;
    }
    for (String line : text.substring(0, end).split("\n")) {
      counts.merge(line, 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void aWriterKilledAtSeededPointsResumesWithNothingLostNothingConfirmedTwiceNothingResent() throws Exception {
    crashAndResume(LedgerLocation.sqliteFile(dir.resolve("ledger.db")));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "FMAP_TEST_PG_URL", matches = "jdbc:postgresql:.+")
  void theSameOnPostgres() throws Exception {
    String base = System.getenv("FMAP_TEST_PG_URL");
    String schema = "fmap_ledger_crash_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    try {
      String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      crashAndResume(new LedgerLocation(url, Dialect.POSTGRES));
    } finally {
      try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private void crashAndResume(LedgerLocation ledgerFile) throws Exception {
    Path serverFile = dir.resolve("server.log");
    Random random = new Random(20261129);
    Set<RecordKey> confirmedBefore = Set.of();
    int killedMidRun = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int linesBeforeKill = 1 + random.nextInt(2 * BATCH);
      int extraMicros = random.nextInt(3000);
      ChildRun child = runChild(ledgerFile, serverFile, linesBeforeKill, extraMicros, true);
      if (child.finished()) {
        break;
      }
      killedMidRun++;
      Set<RecordKey> confirmed = checkConsistent(ledgerFile, serverFile, "after kill " + kill);
      assertTrue(confirmed.containsAll(confirmedBefore), "a confirmation was lost at kill " + kill);
      confirmedBefore = confirmed;
    }
    assertTrue(killedMidRun >= KILLS - 2, "the writer was killed mid-run only " + killedMidRun + " times");

    ChildRun last = runChild(ledgerFile, serverFile, Integer.MAX_VALUE, 0, false);
    assertTrue(last.finished(), "the last run completes");
    Set<RecordKey> confirmed = checkConsistent(ledgerFile, serverFile, "at the end");
    assertEquals(RECORDS, confirmed.size());
    Map<String, Integer> sends = received(serverFile);
    assertEquals(RECORDS, sends.size());
    assertEquals(Map.of(), sends.entrySet().stream().filter(e -> e.getValue() != 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "records sent more than once");
    try (Ledger ledger = Ledger.open(ledgerFile)) {
      assertEquals(1, ledger.runs().size(), "every restart resumed the same run");
      assertEquals(RunStatus.COMPLETED, ledger.runs().get(0).status());
    }
  }

  /** Confirmed entries are all on the server, at most one batch is in doubt; returns the confirmed keys. */
  private Set<RecordKey> checkConsistent(LedgerLocation ledgerFile, Path serverFile, String when) throws IOException {
    Map<String, Integer> sends = received(serverFile);
    try (Ledger ledger = Ledger.open(ledgerFile)) {
      if (ledger.runs().isEmpty()) {
        return Set.of();
      }
      long run = ledger.runs().get(0).id();
      List<RecordKey> all = IntStream.range(0, RECORDS).mapToObj(LedgerCrashTest::key).toList();
      Set<RecordKey> confirmed = ledger.landedAmong(run, all);
      for (RecordKey key : confirmed) {
        assertTrue(sends.containsKey(key.sourceId()), "confirmed but never sent " + when + ": " + key);
      }
      for (RecordKey key : all) {
        if (sends.containsKey(key.sourceId()) && !confirmed.contains(key)) {
          assertTrue(ledger.entry(run, key).map(LedgerEntry::inDoubt).orElse(false),
              "sent but neither confirmed nor in doubt " + when + ": " + key);
        }
      }
      assertTrue(ledger.inDoubt(run).size() <= BATCH, "more than one batch in doubt " + when);
      return confirmed;
    }
  }

  record ChildRun(boolean finished) {}

  /**
   * The writer for the next run, already started: JVM start-up and class loading are most of a
   * run's time, and they overlap the run before it (the writer waits for {@code go} before it
   * touches the ledger, so every run still begins after the previous writer is dead).
   */
  private Process standby;

  /** Runs the writer until it has printed {@code lines} lines (then kills it) or exits by itself. */
  private ChildRun runChild(LedgerLocation ledgerFile, Path serverFile, int lines, int extraMicros, boolean moreRuns)
      throws Exception {
    Process process = standby != null ? standby : startWriter(ledgerFile, serverFile);
    standby = moreRuns ? startWriter(ledgerFile, serverFile) : null;
    List<String> seen = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      String ready = out.readLine();
      assertEquals("ready", ready, () -> "writer did not start: " + readQuietly(dir.resolve("child.err")));
      in.write("go\n");
      in.flush();
      String line;
      while ((line = out.readLine()) != null) {
        seen.add(line);
        if (line.equals("done")) {
          break;
        }
        if (seen.size() >= lines) {
          long until = System.nanoTime() + extraMicros * 1000L;
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          process.destroyForcibly();
          break;
        }
      }
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the writer did not stop");
    boolean done = seen.contains("done");
    if (done) {
      assertEquals(0, process.exitValue(), () -> "writer failed: " + readQuietly(dir.resolve("child.err")));
    } else if (process.exitValue() == 0 || seen.isEmpty()) {
      throw new AssertionError("writer ended without finishing: " + readQuietly(dir.resolve("child.err")));
    }
    return new ChildRun(done);
  }

  private Process startWriter(LedgerLocation ledgerFile, Path serverFile) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The driver's native library is unpacked into the test's folder: a killed writer cannot
    // delete its copy, and in the system temp folder the copies would pile up.
    Process process = new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Dorg.sqlite.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(),
        ledgerFile.jdbcUrl(), serverFile.toString(), Integer.toString(RECORDS), Integer.toString(BATCH))
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile()))
        .start();
    // Bounded: a child that hangs is killed and the test fails on its missing output.
    CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(process::destroyForcibly);
    return process;
  }

  @AfterEach
  void stopStandby() throws InterruptedException {
    if (standby != null) {
      standby.destroyForcibly();
      assertTrue(standby.waitFor(60, TimeUnit.SECONDS), "the standby writer did not stop");
      standby = null;
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }
}
