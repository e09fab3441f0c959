package io.fmap.bench;

import io.fmap.runtime.api.SourceRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The three transforms of {@link TransformBenchmark} compared by the CPU time of the measuring
 * thread, in interleaved rounds: {@code java -cp bench/target/benchmarks.jar
 * io.fmap.bench.CpuTimeComparison [ROUNDS]}.
 *
 * <p>Why, next to JMH: on the shared 2-core machine other work competes for the CPU and its caches,
 * and JMH's wall-clock throughput swings by ±100 % between iterations. Thread CPU time does not
 * count the time the thread waits for a core. And the transforms take turns every {@value Turns#CHUNK}
 * records (a few milliseconds), each on records the others have not touched lately, so a slow spell
 * of the machine (a neighbour's memory traffic can slow all three by half for seconds) falls on all
 * three alike: taking turns by whole rounds of 100,000 records instead, the same jar measured
 * generated / JSLT from 3.6 to 5.7. Each round transforms the whole batch once per transform; the
 * median round counts. It also prints the bytes each transform allocates per record (the thread's
 * allocation counter, as JMH's {@code -prof gc} reports {@code gc.alloc.rate.norm}): a figure the
 * machine's load does not change.
 *
 * <p>{@code [RECORDS]}, a second argument, transforms that many distinct records, each round going
 * over them until it has transformed {@value TransformBenchmark#BATCH}: with 1,000 they stay in the
 * caches and the figures count the transforms' compute without the cache misses of first touching
 * each record, which depend on where the collector copied the records and vary by ±10 % from one
 * run to the next.
 */
public final class CpuTimeComparison {

  private static final int WARM_UP_ROUNDS = 8;

  private CpuTimeComparison() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    TransformBenchmark.Records records = new TransformBenchmark.Records();
    records.setUp();
    if (args.length > 1) records.data = ContactRecords.generate(Integer.parseInt(args[1]), 42L);
    List<SourceRecord> source = records.data.records;
    // The three read the same records; each one's results feed a checksum, so the JIT cannot drop the work.
    Map<String, IntConsumer> transforms = new LinkedHashMap<>();
    for (String name : TransformSide.NAMES) transforms.put(name, TransformSide.over(name, records));

    // A round transforms about a batch's worth of records, however few distinct ones there are.
    int passes = Math.max(1, TransformBenchmark.BATCH / source.size());
    long transformed = (long) passes * source.size();
    int chunk = Math.min(Turns.CHUNK, source.size());
    List<IntConsumer> timed = List.copyOf(transforms.values());
    Map<String, List<Double>> nanosPerRecord = new LinkedHashMap<>();
    Map<String, List<Double>> bytesPerRecord = new LinkedHashMap<>();
    transforms.keySet().forEach(name -> nanosPerRecord.put(name, new ArrayList<>()));
    transforms.keySet().forEach(name -> bytesPerRecord.put(name, new ArrayList<>()));
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      Turns.Round used = Turns.round(timed, source.size(), passes);
      if (round < WARM_UP_ROUNDS) continue;
      int t = 0;
      for (String name : transforms.keySet()) {
        nanosPerRecord.get(name).add((double) used.cpuNanos()[t] / transformed);
        bytesPerRecord.get(name).add((double) used.allocatedBytes()[t++] / transformed);
      }
    }
    System.out.printf(Locale.ROOT, "fmap transform, CPU time per record (median of %d rounds of %,d records, %,d distinct, the transforms taking turns every %,d records; checksum %d)%n",
        rounds, transformed, source.size(), chunk, TransformSide.checksum & 0xff);
    Map<String, Double> median = new LinkedHashMap<>();
    nanosPerRecord.forEach((name, samples) -> {
      double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      median.put(name, sorted[sorted.length / 2]);
      double bytes = median(bytesPerRecord.get(name));
      System.out.printf(Locale.ROOT, "  %-12s %8.0f ns/record  = %,12.0f records/s per core  (min %.0f, max %.0f)  %,7.0f bytes/record%n",
          name, median.get(name), 1e9 / median.get(name), sorted[0], sorted[sorted.length - 1], bytes);
    });
    System.out.printf(Locale.ROOT, "  generated / hand-written = %.2f (target >= 0.8)%n", median.get("handWritten") / median.get("generated"));
    System.out.printf(Locale.ROOT, "  generated / JSLT         = %.2f (target >= 5)%n", median.get("jslt") / median.get("generated"));
    System.out.println("  load average at the end: " + Arrays.toString(loadAverage()));
  }

  private static double median(List<Double> samples) {
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static String[] loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ", 4);
    } catch (java.io.IOException | RuntimeException unavailable) {
      return new String[] {"unknown"};
    }
  }
}
