package io.fmap.bench.memory;

import java.nio.file.Path;
import java.util.Locale;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code HeapAfterGc RECORDING.jfr}: the most heap a run kept live, read from a JFR recording as the
 * largest heap used after a collection ({@code jdk.GCHeapSummary}, "After GC"), next to the largest
 * heap used at all (before collections, garbage included) and the committed size. Live data is the
 * figure that grows with what the run holds on to; the rest depends on -Xmx and the collector.
 */
public final class HeapAfterGc {
  private HeapAfterGc() {}

  public static void main(String[] args) throws Exception {
    long maxAfter = 0;
    long maxAny = 0;
    long maxCommitted = 0;
    int collections = 0;
    try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        if (!e.getEventType().getName().equals("jdk.GCHeapSummary")) continue;
        long used = e.getLong("heapUsed");
        maxAny = Math.max(maxAny, used);
        maxCommitted = Math.max(maxCommitted, e.getLong("heapSpace.committedSize"));
        if ("After GC".equals(e.getString("when"))) {
          maxAfter = Math.max(maxAfter, used);
          collections++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "heap live after GC max %.1f MB (%d collections); heap used max %.1f MB;"
        + " heap committed max %.1f MB%n", maxAfter / 1e6, collections, maxAny / 1e6, maxCommitted / 1e6);
  }
}
