package io.fmap.compiler.stdlib;

import static io.fmap.compiler.stdlib.StandardSet.plan;
import static io.fmap.compiler.stdlib.StandardSet.record;
import static io.fmap.compiler.stdlib.StandardSet.records;
import static io.fmap.compiler.stdlib.StandardSet.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import java.math.BigDecimal;
import java.time.Instant;
import io.fmap.runtime.exec.preflight.Preflight;
import io.fmap.runtime.exec.preflight.PreflightReport;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.spark.ExportFilesConnector;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Row 1: Spark Company → account, parent hierarchy in a second pass. */
class CompanyRowTest {

  /** Multi-select tags map option by option; Partner is the first new option (100000000). */
  @Test
  void tagsBecomeTheOptionsOfTheMultiSelectColumn() {
    assertEquals(java.util.List.of(100000000), row(record("Company", "cmp-0000001")).columns().get("fmap_tags"));
    assertEquals(java.util.List.of(100000000, 100000001),
        row(record("Company", "cmp-0000005")).columns().get("fmap_tags"), "both, in Spark's order");
    assertEquals(null, row(record("Company", "cmp-0000004")).columns().get("fmap_tags"), "no tags: left empty");
  }

  private static TargetRef account(String id) {
    return new TargetRef("account", "parentaccountid", TargetKey.alternate("fmap_sourceid", id));
  }

  @Test
  void everySampleCompanyBecomesOneAccountKeyedByItsSparkId() {
    for (var company : records("Company")) {
      TargetRow row = row(company);
      assertEquals("account", row.table());
      assertEquals(TargetKey.alternate("fmap_sourceid", company.id()), row.key());
      assertEquals(StandardSet.Context.OWNER, row.owner());
    }
  }

  @Test
  void fieldsAreCopiedAndFittedToTheAccountColumns() {
    TargetRow first = row(record("Company", "cmp-0000001"));
    assertEquals("Blue Fjord Robotics AB", first.columns().get("name"));
    assertEquals("Reykjavík", first.columns().get("address1_city"));
    assertEquals(new BigDecimal("36874234.12"), first.columns().get("revenue"));
    assertEquals(Instant.parse("2023-07-02T03:28:37Z"), first.columns().get("overriddencreatedon"));
    // company 5's name is 230 characters; account.name holds 160
    assertEquals(160, ((String) row(record("Company", "cmp-0000005")).columns().get("name")).length());
  }

  @Test
  void parentIsWrittenInTheSecondPassSoTheLoadOrderHasNoLoop() {
    assertEquals(Set.of("parentaccountid"), plan().deferredColumns("Company_to_account"));
    TargetRow child = row(record("Company", "cmp-0000002"));
    assertEquals(account("cmp-0000003"), child.lookups().get("parentaccountid"));
    TargetRow firstPass = child.withoutLookups(plan().deferredColumns("Company_to_account"));
    assertFalse(firstPass.lookups().containsKey("parentaccountid"));
    assertEquals(child.columns(), firstPass.columns());
  }

  @Test
  void aCompanyWithoutParentLeavesTheParentBlank() {
    TargetRow root = row(record("Company", "cmp-0000001"));
    assertFalse(root.lookups().containsKey("parentaccountid"));
    assertFalse(root.columns().containsKey("parentaccountid"));
  }

  /**
   * Companies 2 and 3 are each other's parent. Both are created without a parent first, so the
   * cycle cannot stall the load; the second pass then carries both parent links (Dataverse refuses
   * the one that closes the loop; preflight has reported the loop before, see below).
   */
  @Test
  void aParentCycleInTheSampleIsCreatedWithoutParentsFirst() {
    TargetRow two = row(record("Company", "cmp-0000002"));
    TargetRow three = row(record("Company", "cmp-0000003"));
    assertEquals(account("cmp-0000003"), two.lookups().get("parentaccountid"));
    assertEquals(account("cmp-0000002"), three.lookups().get("parentaccountid"));
    Set<String> deferred = plan().deferredColumns("Company_to_account");
    assertTrue(two.withoutLookups(deferred).lookups().isEmpty());
    assertTrue(three.withoutLookups(deferred).lookups().isEmpty());
    assertEquals(Set.of("parentaccountid"), two.onlyLookups(deferred).lookups().keySet());
  }

  /** Preflight over the whole sample with the compiled standard set names the loop before anything loads. */
  @Test
  void preflightReportsTheSampleParentCycleOnce() {
    var sparkUsers = records("User").stream().map(SourceUser::of).toList();
    var resolver = OwnerResolver.create(sparkUsers, StandardSet.dynamicsUsers(), new FallbackRule.UserByEmail("ana.lopez@fmap.example"));
    var settings = new Preflight.Settings("owner_id", 100.0, Preflight.PROFESSIONAL_CUSTOM_TABLE_CAP,
        Clock.fixed(StandardSet.NOW, ZoneOffset.UTC));
    PreflightReport report;
    try (var source = new ExportFilesConnector(StandardSet.SAMPLE)) {
      report = new Preflight(plan(), source, StandardSet.program().target(), resolver, sparkUsers, settings).run();
    }
    assertEquals(List.of("Company: cmp-0000002 -> cmp-0000003 -> cmp-0000002"), report.parentCycles());
  }
}
