package io.fmap.runtime.exec;

import io.fmap.emulator.dataverse.Limits;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * End-to-end records/s of the executor against both emulators on loopback (not a test: run by
 * hand, see docs/runtime.md). Arguments: generator size, limits profile (none | default).
 */
public final class LoadThroughput {
  private LoadThroughput() {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Limits limits = Limits.profile(args.length > 1 ? args[1] : "none");
    Path dir = Files.createTempDirectory("fmap-load-throughput");
    try (LoadFixture fixture = new LoadFixture(dir, size, limits)) {
      long start = System.nanoTime();
      RunSummary summary = fixture.load(LoadExecutor.Options.full("bench").withBatchSize(500).withParallelism(4));
      double seconds = (System.nanoTime() - start) / 1e9;
      long records = summary.objects().stream().filter(o -> !o.sourceObject().endsWith(BatchWriter.LOOKUPS_SUFFIX))
          .mapToLong(ObjectSummary::read).sum();
      System.out.print(summary.toText());
      System.out.printf("%d records in %.1f s: %.0f records/s end to end (limits %s)%n", records, seconds,
          records / seconds, args.length > 1 ? args[1] : "none");
    }
  }
}
