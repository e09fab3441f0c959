package io.fmap.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.ir.Dependency;
import io.fmap.compiler.ir.Tier;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LoadOrderTest {
  private static LoadOrder.Edge edge(String from, String to, String column, boolean optional) {
    return new LoadOrder.Edge(new Dependency(from, to, from + "_map", column, Dependency.Reason.REF, false, null),
        optional);
  }

  private static TreeSet<String> objects(String... names) {
    return new TreeSet<>(List.of(names));
  }

  @Test
  void referencedObjectsLoadInEarlierTiers() {
    var result = LoadOrder.of(objects("Activity", "Company", "Contact", "Deal"), List.of(
        edge("Contact", "Company", "parentcustomerid", true),
        edge("Deal", "Company", "customerid", false),
        edge("Activity", "Deal", "regardingobjectid", true),
        edge("Activity", "Contact", "regardingobjectid", true)));
    assertEquals(List.of(new Tier(0, List.of("Company")), new Tier(1, List.of("Contact", "Deal")),
        new Tier(2, List.of("Activity"))), result.tiers());
    assertTrue(result.cycles().isEmpty());
    assertTrue(result.dependencies().stream().noneMatch(Dependency::twoPass));
  }

  @Test
  void selfReferenceIsLoadedInTwoPasses() {
    var result = LoadOrder.of(objects("Company"), List.of(edge("Company", "Company", "parentaccountid", true)));
    assertEquals(List.of(new Tier(0, List.of("Company"))), result.tiers());
    assertTrue(result.dependencies().get(0).twoPass());
  }

  @Test
  void cycleIsBrokenAtItsOptionalLookup() {
    var result = LoadOrder.of(objects("Company", "Contact"), List.of(
        edge("Contact", "Company", "parentcustomerid", false),
        edge("Company", "Contact", "primarycontactid", true)));
    assertTrue(result.cycles().isEmpty());
    assertEquals(List.of(new Tier(0, List.of("Company")), new Tier(1, List.of("Contact"))), result.tiers());
    Dependency primary = result.dependencies().stream().filter(d -> d.column().equals("primarycontactid"))
        .findFirst().orElseThrow();
    assertTrue(primary.twoPass());
  }

  @Test
  void cycleOfRequiredLookupsIsReportedWithItsEdges() {
    var result = LoadOrder.of(objects("A", "B", "C"), List.of(
        edge("A", "B", "b", false), edge("B", "C", "c", false), edge("C", "A", "a", false)));
    assertEquals(1, result.cycles().size());
    assertEquals(List.of("A", "B", "C"), result.cycles().get(0).stream().map(Dependency::from).toList());
  }
}
