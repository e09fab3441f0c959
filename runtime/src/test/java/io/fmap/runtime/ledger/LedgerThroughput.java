package io.fmap.runtime.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the ledger's cost per record on SQLite: announce and confirm N records in batches (as the
 * executor does), against the same with a batch of one record (the reference, a commit pair per
 * record), and the look-up rate of {@link LedgerHistory#lastLanded}. Prints ratios, not verdicts;
 * run it by hand (docs/ledger.md has the command). Arguments: records (default 20000), batch size (default 100).
 */
public final class LedgerThroughput {

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path dir = Files.createTempDirectory("fmap-ledger-throughput");
    double batched = writeRate(dir.resolve("batched.db"), records, batch);
    int referenceRecords = Math.max(200, records / 50);
    double single = writeRate(dir.resolve("single.db"), referenceRecords, 1);
    System.out.printf("ledger write, batch %d: %.0f records/s (%d records)%n", batch, batched, records);
    System.out.printf("ledger write, batch 1 (reference): %.0f records/s (%d records)%n", single, referenceRecords);
    System.out.printf("ratio batched / reference: %.1f%n", batched / single);
    try (Ledger ledger = Ledger.open(LedgerLocation.sqliteFile(dir.resolve("batched.db")))) {
      List<RecordKey> keys = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        keys.add(key(i));
      }
      long start = System.nanoTime();
      int found = ledger.history().lastLanded(keys).size();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("lastLanded look-ups: %.0f keys/s (%d found)%n", records / seconds, found);
      start = System.nanoTime();
      long standing = ledger.history().standingCount("Contact", "contact");
      System.out.printf("standingCount: %.2f s for %d records%n", (System.nanoTime() - start) / 1e9, standing);
    }
  }

  private static RecordKey key(int i) {
    return new RecordKey("Contact", "c" + i, "contact");
  }

  private static double writeRate(Path file, int records, int batch) {
    try (Ledger ledger = Ledger.open(LedgerLocation.sqliteFile(file))) {
      long run = ledger.startRun(RunMode.FULL, "bench", "plan").id();
      long start = System.nanoTime();
      for (int from = 0; from < records; from += batch) {
        List<Intent> intents = new ArrayList<>();
        List<Outcome> answers = new ArrayList<>();
        for (int i = from; i < Math.min(records, from + batch); i++) {
          intents.add(new Intent(key(i), WriteKind.UPSERT, null, "sha256:" + i, null));
          answers.add(new Outcome.Landed(key(i), Operation.CREATED, "00000000-0000-0000-0000-" + i, "W/\"1\""));
        }
        ledger.intend(run, intents);
        ledger.settle(run, answers);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      ledger.finishRun(run, RunStatus.COMPLETED);
      return records / seconds;
    }
  }
}
