package io.fmap.runtime.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

class OwnerReportTest {

  /** The same records counted in two different orders. */
  static OwnerReport report(FallbackRule rule, boolean reversed) {
    OwnerReport.Builder builder = OwnerReport.builder(OwnerResolverTest.resolver(rule));
    String[][] records = {
        {"Company", "u1"}, {"Contact", "u1"}, {"Contact", "u1"}, {"Deal", "u2"}, {"Contact", "u3"},
        {"Deal", "u4"}, {"Company", "u5"}, {"Contact", "u5"}, {"Note", "u6"}, {"Activity", null},
        {"Activity", ""}, {"Deal", "u404"}, {"Contact", "u7"}};
    List<String[]> order = new java.util.ArrayList<>(List.of(records));
    if (reversed) {
      java.util.Collections.reverse(order);
    }
    order.forEach(r -> builder.count(r[0], r[1]));
    return builder.build();
  }

  @Test
  void textReportWithoutFallbackListsEveryProblemAndBlocks() {
    OwnerReport report = report(new FallbackRule.None(), false);
    assertTrue(report.hasBlockers());
    Approvals.verify(report.toText());
  }

  @Test
  void jsonReportWithAFallbackTeamHasNoBlocker() {
    OwnerReport report = report(FallbackRule.parse("team:Sales Migration"), false);
    assertFalse(report.hasBlockers());
    Approvals.verify(report.toJsonText());
  }

  @Test
  void anUnusableFallbackIsABlockerEvenWhenEveryOwnerMatches() {
    OwnerReport.Builder builder = OwnerReport.builder(OwnerResolverTest.resolver(FallbackRule.parse("user:cara@fmap.example")));
    OwnerReport report = builder.count("Company", "u1").build();
    assertEquals(1, report.blockers().size());
    assertTrue(report.blockers().get(0).contains("is disabled"), report.blockers().get(0));
  }

  @Test
  void theReportDoesNotDependOnTheOrderRecordsWereCounted() {
    assertEquals(report(new FallbackRule.None(), false).toText(), report(new FallbackRule.None(), true).toText());
    assertEquals(report(new FallbackRule.None(), false).toJsonText(), report(new FallbackRule.None(), true).toJsonText());
  }
}
