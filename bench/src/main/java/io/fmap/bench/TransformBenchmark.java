package io.fmap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import io.fmap.compiler.emit.ProjectCompiler;
import io.fmap.compiler.plan.ProjectPlan;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.TargetKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransformBenchmark {

  /** Distinct records per batch; records/s = ops/s x BATCH. */
  public static final int BATCH = 100_000;

  ContactRecords data;
  BenchContext context;
  CompiledPlan plan;
  Expression jslt;
  Map<String, JsonNode> jsltVariables;

  @Setup
  public void setUp() throws IOException {
    data = ContactRecords.generate(BATCH, 42L);
    plan = compileBenchProject();
    context = new BenchContext(plan.params());
    jslt = Parser.compileResource("io/fmap/bench/contact.jslt");
    ObjectNode owners = JsonNodeFactory.instance.objectNode();
    context.owners.forEach((email, ref) -> owners.put(email, ((TargetKey.ById) ref.key()).id().toString()));
    jsltVariables = Map.of("owners", owners,
        "now", JsonNodeFactory.instance.numberNode(ContactRecords.NOW.getEpochSecond()));
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
  public void generated(Blackhole sink) {
    for (SourceRecord r : data.records) sink.consume(plan.transform(r, context));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void handWritten(Blackhole sink) {
    for (SourceRecord r : data.records) sink.consume(HandWrittenContacts.transform(r, context));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void jslt(Blackhole sink) {
    for (JsonNode r : data.trees) sink.consume(jslt.apply(jsltVariables, r));
  }

  /** For tests: the generated result of one record. */
  List<MapResult> generatedOne(SourceRecord r) {
    return plan.transform(r, context);
  }
}
