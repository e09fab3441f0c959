package io.fmap.bench.load;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time the process spent during one load, split by thread group (the thread name without its
 * numbers: {@code fmap-dataverse-writer}, {@code dataverse-emulator-}, {@code OkHttp ...}), the bytes
 * each group allocated, and the JVM's own threads: the garbage collector and the JIT compilers.
 *
 * <p>Why: on the shared 2-core machine rows/s says how much CPU a run got, not what it needed.
 * CPU microseconds per row, and which side (connector, in-process emulator, collector, compiler)
 * spent them, are what the tool's own overhead and the gap to the limits' ceiling are judged by.
 * Allocated bytes per row are what the collector's share follows from.
 *
 * <p>The JVM's threads are not Java threads, so their CPU comes from {@code /proc/self/task}
 * (Linux; clock ticks of 10 ms, so a group's figure is exact to ~10 ms per thread); elsewhere
 * that part is left out and the report says so.
 */
final class CpuSplit {
  private static final Path TASKS = Path.of("/proc/self/task");
  /** USER_HZ: the unit of utime/stime in {@code /proc/<pid>/task/<tid>/stat} on every Linux the JDK runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> cpuById = new HashMap<>();
  private final Map<Long, Long> bytesById = new HashMap<>();
  private final Map<String, Long> jvmStart = jvmThreads();
  private final long gcCount = gcCount();
  private final long gcMillis = gcMillis();
  private final long processStart = processCpu();

  CpuSplit() {
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu >= 0) cpuById.put(id, cpu);
      long bytes = allocated(id);
      if (bytes >= 0) bytesById.put(id, bytes);
    }
  }

  /** Process CPU since construction, the part each thread group used, and what the Java threads allocated. */
  String report(long rows) {
    long process = processCpu() - processStart;
    Map<String, Long> cpu = new TreeMap<>();
    Map<String, Long> bytes = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) continue;
      String group = info.getThreadName().replaceAll("[0-9]+", "#");
      long id = info.getThreadId();
      long now = threads.getThreadCpuTime(id);
      if (now >= 0 && now - cpuById.getOrDefault(id, 0L) > 0) cpu.merge(group, now - cpuById.getOrDefault(id, 0L), Long::sum);
      long b = allocated(id);
      if (b >= 0 && b - bytesById.getOrDefault(id, 0L) > 0) bytes.merge(group, b - bytesById.getOrDefault(id, 0L), Long::sum);
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "  process CPU %.2f s = %.0f µs per row;", process / 1e9, process / 1e3 / rows));
    top(cpu, 6).forEach(e -> out.append(String.format(Locale.ROOT, " %s %.0f µs/row,", e.getKey(), e.getValue() / 1e3 / rows)));
    out.setLength(out.length() - 1);
    out.append(" (Java threads still alive at the end)\n");
    Map<String, Long> jvmEnd = jvmThreads();
    if (jvmEnd.isEmpty()) {
      out.append("  JVM threads: not measured (no /proc/self/task); the rest of the process CPU is GC, JIT and finished threads\n");
    } else {
      out.append("  JVM threads:");
      jvmEnd.forEach((group, end) -> out.append(String.format(Locale.ROOT, " %s %.0f µs/row,", group,
          (end - jvmStart.getOrDefault(group, 0L)) / 1e3 / rows)));
      out.setLength(out.length() - 1);
      out.append(String.format(Locale.ROOT, "; %d collections, %d ms of GC pauses%n", gcCount() - gcCount,
          gcMillis() - gcMillis));
    }
    long total = bytes.values().stream().mapToLong(Long::longValue).sum();
    out.append(String.format(Locale.ROOT, "  allocated %.1f KB per row:", total / 1024.0 / rows));
    top(bytes, 4).forEach(e -> out.append(String.format(Locale.ROOT, " %s %.1f KB,", e.getKey(), e.getValue() / 1024.0 / rows)));
    out.setLength(out.length() - 1);
    return out.toString();
  }

  private static Stream<Map.Entry<String, Long>> top(Map<String, Long> byGroup, int n) {
    return byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n);
  }

  private long allocated(long threadId) {
    return threads instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemoryEnabled()
        ? sun.getThreadAllocatedBytes(threadId) : -1;
  }

  /**
   * CPU nanoseconds of the JVM's own threads by role: {@code GC} (the collector's workers and the VM
   * thread, which runs the safepoints collections happen in) and {@code JIT} (C1 and C2 compiler
   * threads); empty where {@code /proc/self/task} does not exist.
   */
  static Map<String, Long> jvmThreads() {
    Map<String, Long> out = new TreeMap<>();
    if (!Files.isDirectory(TASKS)) return out;
    List<Path> tasks;
    try (Stream<Path> s = Files.list(TASKS)) {
      tasks = s.toList();
    } catch (IOException e) {
      return out;
    }
    for (Path task : tasks) {
      try {
        String stat = Files.readString(task.resolve("stat"));
        String role = role(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
        if (role == null) continue;
        // Fields after the name: state is the 3rd of the whole line, utime the 14th, stime the 15th.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        out.merge(role, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK, Long::sum);
      } catch (IOException | RuntimeException e) {
        // The thread ended between the listing and the read: its time is gone with it.
      }
    }
    return out;
  }

  /** The role of a JVM thread by its (15-character) name, or null for Java threads, measured above. */
  static String role(String name) {
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) return "GC";
    if (name.contains("CompilerThre")) return "JIT";
    return null;
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
