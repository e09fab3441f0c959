package io.fmap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Transforms measured taking turns, as {@link CpuTimeComparison} and {@link JarComparison} measure
 * them: every {@value #CHUNK} records the next one takes over, each works its own stretch of the
 * records (a share of the way round from the others, so none reads what another has just cached),
 * and who goes first rotates every step. A slow spell of the shared machine, which can last seconds,
 * then falls on all of them alike.
 */
final class Turns {

  /** Records a transform takes in turn before the next one: a few milliseconds of work. */
  static final int CHUNK = 1_000;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What each transform used in one round: thread CPU time and bytes allocated, by its index. */
  record Round(long[] cpuNanos, long[] allocatedBytes) {}

  private Turns() {}

  /** One round: each transform goes {@code passes} times over records {@code [0, records)}. */
  static Round round(List<IntConsumer> transforms, int records, int passes) {
    int count = transforms.size();
    long[] used = new long[count];
    long[] allocated = new long[count];
    int chunk = Math.min(CHUNK, records);
    int chunks = (records + chunk - 1) / chunk;
    for (int pass = 0; pass < passes; pass++) {
      for (int step = 0; step < chunks; step++) {
        for (int turn = 0; turn < count; turn++) {
          int t = (step + turn) % count;
          int from = (step + t * chunks / count) % chunks * chunk;
          int to = Math.min(from + chunk, records);
          IntConsumer transform = transforms.get(t);
          long allocatedBefore = allocatedBytes();
          long start = THREADS.getCurrentThreadCpuTime();
          for (int i = from; i < to; i++) transform.accept(i);
          used[t] += THREADS.getCurrentThreadCpuTime() - start;
          allocated[t] += allocatedBytes() - allocatedBefore;
        }
      }
    }
    return new Round(used, allocated);
  }

  /** Bytes this thread allocated so far; 0 on a JVM without HotSpot's counter. */
  private static long allocatedBytes() {
    return THREADS instanceof com.sun.management.ThreadMXBean hotSpot ? hotSpot.getCurrentThreadAllocatedBytes() : 0;
  }
}
