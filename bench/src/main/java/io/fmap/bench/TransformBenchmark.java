package io.fmap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import io.fmap.compiler.emit.ProjectCompiler;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.TargetKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation transforms every record of the batch once, so the reported ops/s times the batch
 * size is records/s. The three benchmarks read the same seeded records and do the same work:
 * fmap's generated code, the hand-written equivalent, and JSLT.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransformBenchmark {

  /** Distinct records per batch; records/s = ops/s x BATCH. */
  public static final int BATCH = 100_000;

  /** The seeded records and the run context every transform gets. */
  @State(Scope.Benchmark)
  public static class Records {
    ContactRecords data;
    BenchContext context;

    @Setup
    public void setUp() {
      data = ContactRecords.generate(BATCH, 42L);
      // The value bench/project/mappings/contact.fmap declares; the hand-written transform reads it too.
      context = new BenchContext(Map.of("lead_idle_days", 90L));
    }
  }

  /** The bench project compiled by fmap; only the generated benchmark pays for javac. */
  @State(Scope.Benchmark)
  public static class Generated {
    CompiledPlan plan;

    @Setup
    public void setUp() throws IOException {
      plan = compileBenchProject();
    }
  }

  /** The JSLT transform and its variables (owner ids, the clock). */
  @State(Scope.Benchmark)
  public static class Jslt {
    Expression expression;
    Map<String, JsonNode> variables;

    @Setup
    public void setUp(Records records) {
      expression = Parser.compileResource("io/fmap/bench/contact.jslt");
      ObjectNode owners = JsonNodeFactory.instance.objectNode();
      records.context.owners.forEach((email, ref) -> owners.put(email, ((TargetKey.ById) ref.key()).id().toString()));
      variables = Map.of("owners", owners,
          "now", JsonNodeFactory.instance.numberNode(ContactRecords.NOW.getEpochSecond()));
    }
  }

  /** The benchmark's project folder: -Dfmap.bench.project, else bench/project from the repository root. */
  static Path projectDir() {
    String configured = System.getProperty("fmap.bench.project");
    if (configured != null) return Path.of(configured);
    Path fromRoot = Path.of("bench", "project");
    return Files.isDirectory(fromRoot) ? fromRoot : Path.of("project");
  }

  static CompiledPlan compileBenchProject() throws IOException {
    ProjectPlan project = ProjectPlan.load(projectDir());
    ProjectPlan.Planned planned = project.planned().orElseThrow(() -> new IllegalStateException(
        "the benchmark project does not check: " + project.check().diagnostics()));
    Path cache = Files.createTempDirectory("fmap-bench-classes");
    return ProjectCompiler.compile(planned.program(), planned.lock().planHash(), cache).plan();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void generated(Records records, Generated generated, Blackhole sink) {
    for (SourceRecord r : records.data.records) sink.consume(generated.plan.transform(r, records.context));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void handWritten(Records records, Blackhole sink) {
    for (SourceRecord r : records.data.records) sink.consume(HandWrittenContacts.transform(r, records.context));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void jslt(Records records, Jslt jslt, Blackhole sink) {
    for (JsonNode r : records.data.trees) sink.consume(jslt.expression.apply(jslt.variables, r));
  }
}
