package io.fmap.runtime.ledger;

import java.nio.file.Path;

/** Child process of {@link SqliteLedgerTest}: takes the writer lock, says so, and waits to be killed. */
public final class LockHolder {

  public static void main(String[] args) throws InterruptedException {
    try (Ledger ledger = Ledger.open(LedgerLocation.sqliteFile(Path.of(args[0])));
        WriterLock lock = ledger.lockForWriting("pid " + ProcessHandle.current().pid() + " (lock holder)")) {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
