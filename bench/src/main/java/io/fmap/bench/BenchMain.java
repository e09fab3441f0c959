package io.fmap.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code java -jar bench/target/benchmarks.jar}: runs the three transform benchmarks in one JVM
 * fork each (under two minutes in all) and prints records/s and the ratios the issue asks
 * for: generated / hand-written (target 0.8 or more) and generated / JSLT (target 5 or more).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(TransformBenchmark.class.getName())
        .forks(1)
        .warmupIterations(2).warmupTime(TimeValue.seconds(2))
        .measurementIterations(3).measurementTime(TimeValue.seconds(2))
        .jvmArgsAppend("-Xmx1g", "-Dfmap.bench.project=" + TransformBenchmark.projectDir().toAbsolutePath())
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> recordsPerSecond = new TreeMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      recordsPerSecond.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println("fmap transform benchmark: " + TransformBenchmark.BATCH + " Spark contacts per operation");
    recordsPerSecond.forEach((name, score) ->
        System.out.printf(Locale.ROOT, "  %-12s %,14.0f records/s%n", name, score));
    double generated = recordsPerSecond.get("generated");
    System.out.printf(Locale.ROOT, "  generated / hand-written = %.2f (target >= 0.8)%n", generated / recordsPerSecond.get("handWritten"));
    System.out.printf(Locale.ROOT, "  generated / JSLT         = %.2f (target >= 5)%n", generated / recordsPerSecond.get("jslt"));
  }
}
