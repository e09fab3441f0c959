package io.fmap.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.ir.Program;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.MappingError;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

class JavaEmitterTest {

  /** Resolves lookups by the referenced map's alternate key and owners to one user, at a fixed clock. */
  static final class TestContext implements MappingContext {
    private final Clock clock = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final Map<String, Object> params;

    TestContext(Map<String, Object> params) {
      this.params = params;
    }

    @Override
    public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
      LookupCandidate c = candidates.get(0);
      return Optional.of(new TargetRef(c.table(), c.navigationProperty(), TargetKey.alternate(c.keyColumn(), source.id())));
    }

    @Override
    public Object sourceField(SourceRef source, String field) {
      return null;
    }

    @Override
    public Optional<TargetRef> owner(String email) {
      return "nobody@example.com".equals(email) ? Optional.empty()
          : Optional.of(new TargetRef("systemuser", "ownerid", TargetKey.id(new java.util.UUID(0, 1))));
    }

    @Override
    public Object param(String name) {
      return params.get(name);
    }

    @Override
    public Clock clock() {
      return clock;
    }
  }

  /** Compiled once: javac is the slow part, and the plan is immutable and thread-safe. */
  private static final java.util.concurrent.ConcurrentHashMap<Boolean, CompiledPlan> SAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

  static CompiledPlan sample(boolean hostile) {
    return SAMPLES.computeIfAbsent(hostile, h -> compile(SampleProgram.build(h)));
  }

  static CompiledPlan compile(Program program) {
    JavaEmitter.Emitted emitted = JavaEmitter.emit(program);
    CompiledClasses classes = new InMemoryJavaCompiler().compile(emitted.sources());
    return PlanLoader.load(program, emitted, classes, "sha256:test");
  }

  static String allSources(JavaEmitter.Emitted emitted) {
    return emitted.sources().stream().map(s -> "==== " + s.relativePath() + "\n" + s.code())
        .collect(Collectors.joining("\n"));
  }

  private static TargetRow onlyRow(List<MapResult> results) {
    assertEquals(1, results.size(), results.toString());
    return assertInstanceOf(MapResult.Mapped.class, results.get(0), results.toString()).rows().get(0);
  }

  /** A source record as the connector delivers it: the id is also one of its fields. */
  static SourceRecord record(String object, String id, Map<String, Object> fields) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(fields);
    all.put("id", id);
    return new SourceRecord(object, id, all);
  }

  private final TestContext context = new TestContext(Map.of("lead_idle_days", 90L));

  @Test
  void theGeneratedJavaOfTheSampleIsPinned() {
    Approvals.verify(allSources(JavaEmitter.emit(SampleProgram.build(false))), new Options().withReporter(new QuietReporter()));
  }

  @Test
  void emittingTwiceGivesTheSameBytes() {
    assertEquals(allSources(JavaEmitter.emit(SampleProgram.build(false))), allSources(JavaEmitter.emit(SampleProgram.build(false))));
  }

  @Test
  void aContactIsRoutedByItsConditionAndMappedFieldByField() {
    CompiledPlan plan = sample(false);

    TargetRow lead = onlyRow(plan.transform(record("Contact", "7", Map.of(
        "status", "new", "first_name", "Jane", "email", "JANE@Example.com", "owner_email", "o@example.com")), context));
    TargetRow stale = onlyRow(plan.transform(record("Contact", "8", Map.of(
        "status", "customer", "last_activity_at", "2024-01-01T00:00:00Z", "email", "x@y.z", "owner_email", "o@example.com")), context));
    TargetRow contact = onlyRow(plan.transform(record("Contact", "9", Map.of(
        "status", "customer", "last_activity_at", "2024-05-30T00:00:00Z", "email", "x@y.z", "company_id", "C-1",
        "owner_email", "o@example.com")), context));

    assertEquals("lead", lead.table());
    assertEquals(TargetKey.alternate("fmap_sourceid", "7"), lead.key());
    assertEquals("Imported: Jane", lead.columns().get("subject"));
    assertEquals("jane@example.com", lead.columns().get("emailaddress1"));
    assertEquals("lead", stale.table(), "idle for more than lead_idle_days");
    assertEquals("Imported: (unknown)", stale.columns().get("subject"));
    assertEquals("contact", contact.table());
    assertEquals(new TargetRef("account", "parentcustomerid_account", TargetKey.alternate("fmap_sourceid", "C-1")),
        contact.lookups().get("parentcustomerid"));
    assertEquals("ownerid", contact.owner().navigationProperty());
  }

  @Test
  void aWhereFilterSkipsARecordOnPurposeWithoutAnError() {
    CompiledPlan plan = sample(false);
    List<MapResult> results = plan.transform(record("Contact", "9", Map.of("status", "customer",
        "last_activity_at", "2024-05-30T00:00:00Z", "owner_email", "o@example.com")), context);
    assertEquals(List.of(), assertInstanceOf(MapResult.Mapped.class, results.get(0)).rows());
  }

  @Test
  void valueMapsOptionLabelsAndArithmeticBecomeWireValues() {
    CompiledPlan plan = sample(false);
    TargetRow deal = onlyRow(plan.transform(record("Deal", "D-1", Map.of(
        "stage", "Lost", "amount", new BigDecimal("100"), "company_id", "C-1")), context));
    TargetRow other = onlyRow(plan.transform(record("Deal", "D-2", Map.of("stage", "Won")), context));
    TargetRow account = onlyRow(plan.transform(record("Company", "C-1", Map.of(
        "name", " Acme ", "parent_id", "C-0", "owner_email", "o@example.com")), context));

    assertEquals(3, deal.columns().get("salesstage"));
    assertEquals(new BigDecimal("119.00"), deal.columns().get("estimatedvalue"));
    assertEquals(1, other.columns().get("salesstage"), "else line of the value map");
    assertEquals("Acme", account.columns().get("name"));
    assertEquals(100000000, account.columns().get("new_tier"));
    assertEquals("parentaccountid", account.lookups().get("parentaccountid").navigationProperty());
    assertEquals(java.util.Set.of("parentaccountid"), plan.deferredColumns("Company_to_account"));
  }

  @Test
  void aRecordThatCannotBeMappedFailsAtItsFmapLine() {
    CompiledPlan plan = sample(false);
    MappingError noOwner = assertInstanceOf(MapResult.Failed.class, plan.transform(record("Company", "C-2",
        Map.of("name", "X", "owner_email", "nobody@example.com")), context).get(0)).error();
    MappingError badDate = assertInstanceOf(MapResult.Failed.class, plan.transform(record("Contact", "10",
        Map.of("status", "customer", "last_activity_at", "last tuesday")), context).get(0)).error();

    assertEquals(MappingError.Code.UNRESOLVED_OWNER, noOwner.code());
    assertEquals(new FmapLocation("mappings/company.fmap", 7), noOwner.location());
    assertEquals(MappingError.Code.INVALID_VALUE, badDate.code());
    assertEquals(new FmapLocation("mappings/contact.fmap", 4), badDate.location());
  }

  @Test
  void aProjectFullOfHostileNamesAndStringsCompilesAndKeepsItsStringsVerbatim() {
    Program hostile = SampleProgram.build(true);
    JavaEmitter.Emitted emitted = JavaEmitter.emit(hostile);
    CompiledPlan plan = sample(true);

    TargetRow lead = onlyRow(plan.transform(record("Contact", "7", Map.of(
        "status", "un\"qualified\\", "first_name", "Jo", "owner_email", "o@example.com")), context));
    TargetRow account = onlyRow(plan.transform(record("Company", "C-1", Map.of(
        "class", "Acme", "owner_email", "o@example.com")), context));
    TargetRow deal = onlyRow(plan.transform(record("Deal", "D-1", Map.of("stage", "case \"x\": return 0;")), context));

    assertEquals("\"); System.exit(1); //\\u0022 */ \u2028 ${x}Jo", lead.columns().get("subject"));
    assertEquals("Acme", account.columns().get("name"));
    assertEquals(100000000, account.columns().get("new_x\"tier"));
    assertEquals(3, deal.columns().get("salesstage"));
    assertEquals("Company->\"account\" */ class", account.map());
    String code = allSources(emitted);
    assertTrue(!code.contains("\\u000a") || code.contains("\\\\u000a"), "no live unicode escape reaches the code");
  }
}
