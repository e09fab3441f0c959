package io.fmap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.SourceRecord;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One of {@link TransformBenchmark}'s transforms over records of its own, as {@link JarComparison}
 * loads it from each jar it compares: only JDK types cross the class loaders.
 */
public final class TransformSide {

  /** Each side's results feed a checksum, so the JIT cannot drop the work. */
  static long checksum;

  private TransformSide() {}

  /** The transforms, by the names {@link #of} and {@link #over} take. */
  static final List<String> NAMES = List.of("generated", "handWritten", "jslt");

  /**
   * The transform {@code which} ({@code generated}, {@code handWritten} or {@code jslt}) of record
   * {@code i} of {@code records} seeded records of its own.
   */
  public static IntConsumer of(String which, int records) throws Exception {
    TransformBenchmark.Records data = new TransformBenchmark.Records();
    data.setUp();
    if (records != TransformBenchmark.BATCH) data.data = ContactRecords.generate(records, 42L);
    return over(which, data);
  }

  /** The transform {@code which} of record {@code i} of {@code data}; its results feed {@link #checksum}. */
  static IntConsumer over(String which, TransformBenchmark.Records data) throws Exception {
    List<SourceRecord> source = data.data.records;
    switch (which) {
      case "generated" -> {
        CompiledPlan plan = TransformBenchmark.compileBenchProject();
        return i -> checksum += System.identityHashCode(plan.transform(source.get(i), data.context));
      }
      case "handWritten" -> {
        return i -> checksum += System.identityHashCode(HandWrittenContacts.transform(source.get(i), data.context));
      }
      case "jslt" -> {
        TransformBenchmark.Jslt jslt = new TransformBenchmark.Jslt();
        jslt.setUp(data);
        List<JsonNode> trees = data.data.trees;
        return i -> checksum += System.identityHashCode(jslt.expression.apply(jslt.variables, trees.get(i)));
      }
      default -> throw new IllegalArgumentException("no transform " + which + " " + NAMES);
    }
  }
}
