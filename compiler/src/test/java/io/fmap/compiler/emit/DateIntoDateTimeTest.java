package io.fmap.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.ir.Program;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.TargetRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark date (a task's due date) into a Dataverse date-and-time column (a task's
 * {@code scheduledend}): the checker lets the wider type take it, so the generated code must turn
 * the day into the instant it starts, in UTC, instead of refusing the record.
 */
class DateIntoDateTimeTest {
  @TempDir static Path dir;
  private static CompiledPlan plan;

  @BeforeAll
  static void compile() throws Exception {
    Path schemas = Files.createDirectories(dir.resolve("schemas"));
    for (String f : List.of("spark.json", "dynamics.json")) {
      Files.copy(Path.of("../stdlib-mappings/schemas").resolve(f), schemas.resolve(f));
    }
    Files.createDirectories(dir.resolve("mappings"));
    Files.writeString(dir.resolve("mappings/task.fmap"), """
        column dynamics.task.fmap_sourceid: text(100)

        map spark.Activity -> dynamics.task {
          key fmap_sourceid = id
          subject           = coalesce(subject, "Task") | truncate(200)
          scheduledend      = due_date
          ownerid           = owner(owner_email)
        }
        """);
    CheckResult checked = Compiler.check(ProjectLoader.load(dir));
    Program program = checked.program().orElseThrow(() -> new AssertionError(checked.diagnostics().toString()));
    JavaEmitter.Emitted emitted = JavaEmitter.emit(program);
    plan = PlanLoader.load(program, emitted, new InMemoryJavaCompiler().compile(emitted.sources()), "sha256:test");
  }

  private static TargetRow task(Object dueDate) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", "act-1");
    fields.put("subject", "Call back");
    fields.put("owner_email", "ana@example.com");
    fields.put("due_date", dueDate);
    List<MapResult> results = plan.transform(new SourceRecord("Activity", "act-1", fields),
        new JavaEmitterTest.TestContext(Map.of()));
    assertEquals(1, results.size(), results.toString());
    return assertInstanceOf(MapResult.Mapped.class, results.get(0), results.toString()).rows().get(0);
  }

  @Test
  void theDueDayBecomesTheInstantItStartsInUtc() {
    assertEquals(Instant.parse("2025-03-14T00:00:00Z"), task("2025-03-14").columns().get("scheduledend"));
  }

  @Test
  void noDueDateLeavesTheColumnEmpty() {
    assertNull(task(null).columns().get("scheduledend"));
  }
}
