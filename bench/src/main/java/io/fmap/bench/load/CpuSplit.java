package io.fmap.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time the process spent during one load, split by thread group (the thread name without its
 * numbers: {@code fmap-dataverse-writer}, {@code dataverse-emulator-}, {@code OkHttp ...}).
 *
 * <p>Why: on the shared 2-core machine rows/s says how much CPU the run got, not what it needed.
 * CPU microseconds per row, and which side (connector or the in-process emulator) spent them, are
 * what the tool's own overhead and the gap to the limits' ceiling are judged by.
 */
final class CpuSplit {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> startById = new HashMap<>();
  private final long processStart = processCpu();

  CpuSplit() {
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu >= 0) startById.put(id, cpu);
    }
  }

  /** Process CPU since construction, and the part of it each live thread group used. */
  String report(long rows) {
    long process = processCpu() - processStart;
    Map<String, Long> byGroup = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) continue;
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) continue;
      long used = cpu - startById.getOrDefault(info.getThreadId(), 0L);
      if (used > 0) byGroup.merge(info.getThreadName().replaceAll("[0-9]+", "#"), used, Long::sum);
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "  process CPU %.2f s = %.0f µs per row;", process / 1e9, process / 1e3 / rows));
    byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
        .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.0f µs/row,", e.getKey(), e.getValue() / 1e3 / rows)));
    out.setLength(out.length() - 1);
    return out.append(" (threads still alive at the end; the rest is GC, JIT and finished threads)").toString();
  }

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
