package io.fmap.bench.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The pause between a load's warm-up and its timed part, so that the timed part measures the
 * steady state: the JIT has finished compiling what the warm-up made hot, and the warm-up's garbage
 * is collected (what JMH does between iterations). Without it, on 2 busy cores, C2 was still
 * compiling the warm-up's methods during the timed load (30 µs of the 136 µs per row, measured with
 * {@link CpuSplit}) and the timed load paid for collecting the warm-up's young garbage.
 *
 * <p>The warm-up runs in rounds with a settle after each: while C2's queue is long the JVM raises
 * its compile thresholds, so a method (the emulator's {@code RowWriter.create}, 2 s of C2 on this
 * machine) could first reach them in the timed load; a second round after a quiet JIT catches those.
 */
final class Settle {
  private static final long POLL_MS = 200;
  /** Compilation time unchanged over this many polls counts as idle. */
  private static final int QUIET_POLLS = 3;
  private static final long MAX_WAIT_MS = 20_000;

  private Settle() {}

  /** Waits (at most 20 s) until the JIT has been idle for 0.6 s, then collects; says what it did. */
  static String afterWarmUp() throws InterruptedException {
    long start = System.nanoTime();
    long last = jitProgress();
    int quiet = 0;
    while (last >= 0 && quiet < QUIET_POLLS && (System.nanoTime() - start) / 1_000_000 < MAX_WAIT_MS) {
      Thread.sleep(POLL_MS);
      long now = jitProgress();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
    String jitState = last < 0 ? "JIT not monitored" : quiet >= QUIET_POLLS ? "JIT idle" : "JIT still compiling";
    double waited = (System.nanoTime() - start) / 1e9;
    System.gc();
    return String.format(Locale.ROOT, "%s after %.1f s, then System.gc()", jitState, waited);
  }

  /**
   * A figure that grows while the JIT works: its threads' CPU where {@code /proc} shows it (this also
   * sees a compilation in progress, which can take seconds for a large method), else the JVM's total
   * compilation time (which grows only when a compilation ends); -1 when neither is available.
   */
  private static long jitProgress() {
    Long cpu = CpuSplit.jvmThreads().get("JIT");
    if (cpu != null) return cpu;
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }
}
