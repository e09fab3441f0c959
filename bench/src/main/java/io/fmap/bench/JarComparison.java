package io.fmap.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Before and after in one JVM: {@code java -Xmx4g -Dfmap.bench.project=$PWD/bench/project -cp
 * bench/target/benchmarks.jar io.fmap.bench.JarComparison BEFORE.jar AFTER.jar [ROUNDS]
 * [TRANSFORM] [RECORDS]}, two builds of {@code benchmarks.jar} (copy the first aside before
 * building the second).
 *
 * <p>Why: on the shared machine the same jar's transform measures up to half again slower from one
 * run to the next, so two runs, one per jar, cannot show a change of a few per cent. Here each jar
 * is loaded twice, in class loaders of its own (before, after, after, before), each copy with
 * records of its own, and the four take turns every {@value Turns#CHUNK} records by thread CPU time, as
 * {@link CpuTimeComparison} does, so a slow spell of the machine falls on all of them. And what
 * one copy of a jar gains over the other copy of the same jar (where the JIT and the collector put
 * things: 6-9 % was seen) is printed next to the answer, as the noise it must clear.
 *
 * <p>A jar older than this class gets {@link TransformSide} from the jar running this comparison;
 * everything else comes from the jar compared.
 */
public final class JarComparison {

  private static final int WARM_UP_ROUNDS = 8;

  private JarComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) usage("two jars are needed");
    Path before = existing(args[0]);
    Path after = existing(args[1]);
    int rounds = args.length > 2 ? positive(args[2], "ROUNDS") : 10;
    String transform = args.length > 3 ? args[3] : "generated";
    if (!TransformSide.NAMES.contains(transform)) usage("no transform " + transform);
    int records = args.length > 4 ? positive(args[4], "RECORDS") : TransformBenchmark.BATCH;
    Path self = Path.of(JarComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    // before, after, after, before: neither jar always goes first or last.
    List<Path> jars = List.of(before, after, after, before);
    List<IntConsumer> sides = new ArrayList<>();
    for (Path jar : jars) sides.add(side(jar, self, transform, records));

    int chunk = Math.min(Turns.CHUNK, records);
    int passes = Math.max(1, TransformBenchmark.BATCH / records);
    long transformed = (long) passes * records;
    List<double[]> nanosPerRecord = new ArrayList<>();
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      long[] used = Turns.round(sides, records, passes).cpuNanos();
      if (round >= WARM_UP_ROUNDS) nanosPerRecord.add(Arrays.stream(used).mapToDouble(u -> (double) u / transformed).toArray());
    }

    System.out.printf(Locale.ROOT, "%s transform, CPU time per record (median of %d rounds of %,d records per copy, the copies taking turns every %,d records)%n",
        transform, rounds, transformed, chunk);
    String[] names = {"before (1)", "after (1)", "after (2)", "before (2)"};
    for (int s = 0; s < sides.size(); s++) {
      int side = s;
      System.out.printf(Locale.ROOT, "  %-11s %6.0f ns/record  %s%n", names[s], median(nanosPerRecord.stream().mapToDouble(r -> r[side])), jars.get(s));
    }
    double change = median(nanosPerRecord.stream().mapToDouble(r -> (r[1] + r[2]) / (r[0] + r[3])));
    double beforeSpread = median(nanosPerRecord.stream().mapToDouble(r -> r[3] / r[0]));
    double afterSpread = median(nanosPerRecord.stream().mapToDouble(r -> r[2] / r[1]));
    System.out.printf(Locale.ROOT, "  after / before = %.3f (below 1: after is faster)%n", change);
    System.out.printf(Locale.ROOT, "  noise, one copy of a jar against its other copy: before %.3f, after %.3f%n", beforeSpread, afterSpread);
  }

  /** The transform from {@code jar}, in a class loader of its own. */
  private static IntConsumer side(Path jar, Path self, String transform, int records) throws Exception {
    // Not closed: the side's classes are used until the JVM ends.
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), self.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    return (IntConsumer) loader.loadClass(TransformSide.class.getName())
        .getMethod("of", String.class, int.class).invoke(null, transform, records);
  }

  private static void usage(String problem) {
    System.err.println(problem + "\nusage: JarComparison BEFORE.jar AFTER.jar [ROUNDS] [generated|handWritten|jslt] [RECORDS]"
        + "\n  e.g. java -Xmx4g -Dfmap.bench.project=$PWD/bench/project -cp bench/target/benchmarks.jar io.fmap.bench.JarComparison /tmp/before.jar bench/target/benchmarks.jar");
    System.exit(2);
  }

  private static int positive(String arg, String name) {
    try {
      int value = Integer.parseInt(arg);
      if (value > 0) return value;
    } catch (NumberFormatException notANumber) {
      // told below
    }
    usage(name + " must be a whole number above 0, not " + arg);
    return 0; // not reached: usage exits
  }

  private static Path existing(String jar) {
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      System.err.println("no jar at " + path + " (build one with: mvn -B -q -pl bench -am package -DskipTests)");
      System.exit(2);
    }
    return path;
  }

  private static double median(java.util.stream.DoubleStream samples) {
    double[] sorted = samples.sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
