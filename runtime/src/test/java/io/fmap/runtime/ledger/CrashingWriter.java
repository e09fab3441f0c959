package io.fmap.runtime.ledger;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The child process of {@link LedgerCrashTest}: a write loop that follows the ledger's protocol the
 * way the executor does, against a "server" that is an append-only file of received writes. The
 * test kills it at arbitrary instants and runs it again; each run resumes the same ledger run.
 *
 * <p>Arguments: ledger (file path or JDBC URL), server file, number of records, batch size. The
 * test starts each writer ahead of its turn, while the one before it still runs: the writer loads
 * its classes and the JDBC driver, prints {@code ready}, and touches the ledger and the server only
 * once a {@code go} line arrives on stdin.
 */
public final class CrashingWriter {

  public static void main(String[] args) throws Exception {
    LedgerLocation location = LedgerLocation.parse(Path.of("."), args[0]);
    Path serverFile = Path.of(args[1]);
    int records = Integer.parseInt(args[2]);
    int batchSize = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    warmUp(location);
    out.println("ready");
    if (!"go".equals(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine())) {
      return; // the test ended without needing this writer
    }
    try (Ledger ledger = Ledger.open(location);
        WriterLock lock = ledger.lockForWriting("pid " + ProcessHandle.current().pid() + " (crash test)");
        FileOutputStream server = new FileOutputStream(serverFile.toFile(), true)) {
      if (ledger.runs().stream().anyMatch(r -> r.status() == RunStatus.COMPLETED)) {
        out.println("done");
        return;
      }
      long run = ledger.unfinishedRuns().stream().findFirst()
          .orElseGet(() -> ledger.startRun(RunMode.FULL, "crash-test", "plan")).id();

      // Resume: a write in doubt either reached the server (confirm it, never resend) or did not.
      Set<String> received = LedgerCrashTest.received(serverFile).keySet();
      List<Outcome> found = new ArrayList<>();
      for (LedgerEntry entry : ledger.inDoubt(run)) {
        if (received.contains(entry.key().sourceId())) {
          found.add(new Outcome.Landed(entry.key(), Operation.CREATED, "t-" + entry.key().sourceId(), null));
        }
      }
      ledger.settle(run, found);
      out.println("resolved " + found.size());

      for (int start = 0; start < records; start += batchSize) {
        List<Intent> batch = new ArrayList<>();
        for (int i = start; i < Math.min(records, start + batchSize); i++) {
          batch.add(new Intent(LedgerCrashTest.key(i), WriteKind.CREATE, null, "h" + i, null));
        }
        List<RecordKey> accepted = ledger.intend(run, batch);
        out.println("intended " + accepted.size());
        List<Outcome> answers = new ArrayList<>();
        for (RecordKey key : accepted) {
          // One write call per record: the "server" has received it once the call returns.
          server.write((key.sourceId() + "\n").getBytes(StandardCharsets.UTF_8));
          out.println("sent " + key.sourceId());
          answers.add(new Outcome.Landed(key, Operation.CREATED, "t-" + key.sourceId(), null));
        }
        ledger.settle(run, answers);
        out.println("settled " + answers.size());
      }
      ledger.finishRun(run, RunStatus.COMPLETED);
      out.println("done");
    }
  }

  /**
   * Start-up work every run does anyway, done before {@code go}: the ledger's and the driver's
   * classes, and for SQLite the native library, which the driver unpacks and loads.
   */
  private static void warmUp(LedgerLocation location) throws Exception {
    Class.forName(Ledger.class.getName());
    if (location.dialect() == Dialect.SQLITE) {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } else {
      java.sql.DriverManager.getDriver(location.jdbcUrl());
    }
  }
}
