package io.fmap.compiler.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.emit.CompiledClasses;
import io.fmap.compiler.emit.InMemoryJavaCompiler;
import io.fmap.compiler.emit.JavaEmitter;
import io.fmap.compiler.emit.PlanLoader;
import io.fmap.compiler.ir.Program;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.spark.ExportFilesConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The standard mapping set compiled once, as {@code fmap run} would, and the committed sample export
 * it is tested on: every row test runs real generated code on real generated records.
 */
final class StandardSet {
  static final Path PROJECT = Path.of("../stdlib-mappings");
  static final Path SAMPLE = Path.of("../samples/spark-export");
  /** The sample export's records are dated up to mid-2026; the clock sits just after. */
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static Program program;
  private static CompiledPlan plan;
  private static final Map<String, List<SourceRecord>> RECORDS = new HashMap<>();

  private StandardSet() {}

  static synchronized Program program() {
    if (program == null) {
      try {
        CheckResult checked = Compiler.check(ProjectLoader.load(PROJECT));
        program = checked.program().orElseThrow(() -> new AssertionError(checked.diagnostics().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return program;
  }

  /** Compiled once: javac is the slow part, and the plan is immutable. */
  static synchronized CompiledPlan plan() {
    if (plan == null) {
      JavaEmitter.Emitted emitted = JavaEmitter.emit(program());
      CompiledClasses classes = new InMemoryJavaCompiler().compile(emitted.sources());
      plan = PlanLoader.load(program(), emitted, classes, "sha256:stdlib-test");
    }
    return plan;
  }

  /** Every record of one object in the committed sample, read by the real export connector. */
  static synchronized List<SourceRecord> records(String object) {
    return RECORDS.computeIfAbsent(object, o -> {
      try (ExportFilesConnector export = new ExportFilesConnector(SAMPLE)) {
        return export.records(o, null, bad -> { throw new AssertionError("malformed sample record " + bad); }).toList();
      }
    });
  }

  /** A copy of the standard set (mappings and schemas) in {@code dir}, for a test to change. */
  static Path copyTo(Path dir) throws IOException {
    for (String sub : List.of("mappings", "schemas")) {
      java.nio.file.Files.createDirectories(dir.resolve(sub));
      try (var files = java.nio.file.Files.list(PROJECT.resolve(sub))) {
        for (Path f : files.toList()) java.nio.file.Files.copy(f, dir.resolve(sub).resolve(f.getFileName()));
      }
    }
    return dir;
  }

  static SourceRecord record(String object, String id) {
    return records(object).stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("the sample has no " + object + " " + id));
  }

  /** The one row a record maps to; fails with the mapping error when it did not map. */
  static TargetRow row(SourceRecord record, MappingContext context) {
    List<MapResult> results = plan().transform(record, context);
    assertEquals(1, results.size(), results.toString());
    MapResult.Mapped mapped = assertInstanceOf(MapResult.Mapped.class, results.get(0), results.toString());
    assertEquals(1, mapped.rows().size(), mapped.toString());
    return mapped.rows().get(0);
  }

  static TargetRow row(SourceRecord record) {
    return row(record, new Context(Map.of()));
  }

  /** A record as the connector delivers it, for the cases the sample does not have. */
  static SourceRecord made(String object, String id, Map<String, Object> fields) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(fields);
    all.put("id", id);
    return new SourceRecord(object, id, all);
  }

  /** The Dynamics side of the sample roster: users 16 and 20 are absent, 5 and 18 share an address, 19 is disabled. */
  static io.fmap.runtime.owner.DirectorySnapshot dynamicsUsers() {
    List<io.fmap.runtime.owner.TargetUser> users = new java.util.ArrayList<>();
    for (var user : records("User")) {
      int n = Integer.parseInt(user.id().substring(4));
      String email = (String) user.get("email");
      if (email == null || n == 16 || n == 20 || n == 18) continue;
      users.add(new io.fmap.runtime.owner.TargetUser(new java.util.UUID(0, n).toString(), email, (String) user.get("name"), n != 19));
    }
    users.add(new io.fmap.runtime.owner.TargetUser(new java.util.UUID(0, 118).toString(), "sales.team@fmap.example", "Sales desk", true));
    return new io.fmap.runtime.owner.DirectorySnapshot(users, List.of());
  }

  /**
   * The run as the executor gives it to generated code: lookups by the first candidate's alternate
   * key, source records from the sample, owners resolved for every address except the ones the
   * sample's roster leaves out of Dynamics, params from the plan unless overridden.
   */
  static class Context implements MappingContext {
    static final TargetRef OWNER = new TargetRef("systemuser", "ownerid", TargetKey.id(new UUID(0, 1)));
    private final Map<String, Object> overrides;

    Context(Map<String, Object> overrides) {
      this.overrides = overrides;
    }

    @Override
    public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
      LookupCandidate c = candidates.get(0);
      return Optional.of(new TargetRef(c.table(), c.navigationProperty(), TargetKey.alternate(c.keyColumn(), source.id())));
    }

    @Override
    public Object sourceField(SourceRef source, String field) {
      return records(source.object()).stream().filter(r -> r.id().equals(source.id())).findFirst()
          .map(r -> r.get(field)).orElse(null);
    }

    @Override
    public Optional<TargetRef> owner(String email) {
      return Optional.of(OWNER);
    }

    @Override
    public Object param(String name) {
      return overrides.containsKey(name) ? overrides.get(name) : plan().params().get(name);
    }

    @Override
    public Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }
}
