package io.fmap.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void sourceValuesAreReadAsTheirCheckedType() {
    assertEquals("42", Values.text(42L));
    assertEquals("1.50", Values.text(new BigDecimal("1.50")));
    assertEquals(42L, Values.integer("42"));
    assertEquals(42L, Values.integer(new BigDecimal("42.0")));
    assertEquals(new BigDecimal("7"), Values.decimal(7L));
    assertEquals(true, Values.bool("yes"));
    assertEquals(LocalDate.of(2024, 3, 5), Values.date("2024-03-05T10:00:00Z"));
    assertEquals(Instant.parse("2024-03-05T08:00:00Z"), Values.instant("2024-03-05T10:00:00+02:00"));
    assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Values.instant("2024-03-05T10:00:00"));
    assertEquals(List.of("a", "b"), Values.textList(List.of("a", "b")));
    assertEquals(List.of("a"), Values.textList("a"));
    assertNull(Values.integer(" "));
    assertNull(Values.date(null));
  }

  @Test
  void malformedSourceValuesAreInvalidValueFailures() {
    assertEquals(MappingError.Code.INVALID_VALUE, assertThrows(MappingException.class, () -> Values.integer("4.5")).code());
    assertThrows(MappingException.class, () -> Values.bool("maybe"));
    assertThrows(MappingException.class, () -> Values.date("yesterday"));
    assertThrows(MappingException.class, () -> Values.text(Map.of("a", 1)));
  }

  @Test
  void nestedPathsReadIntoObjectsAndStopAtMissingOnes() {
    Object related = Map.of("company", Map.of("id", "C-1"));
    assertEquals("C-1", Values.path(related, "company", "id"));
    assertNull(Values.path(related, "person", "id"));
    assertNull(Values.path("not an object", "id"));
  }

  @Test
  void operatorsFollowTheLanguagesNullRules() {
    assertEquals("Imported: ", Values.concat("Imported: ", null));
    assertNull(Values.add((Long) null, 1L));
    assertEquals(new BigDecimal("0.3333333333"), Values.divide(BigDecimal.ONE, new BigDecimal(3)));
    assertThrows(MappingException.class, () -> Values.divide(BigDecimal.ONE, BigDecimal.ZERO));
    assertTrue(Values.eq(1L, new BigDecimal("1.0")));
    assertFalse(Values.eq(null, "x"));
    assertFalse(Values.gt(null, 1L), "a comparison with null is false");
    assertTrue(Values.gt(100L, new BigDecimal("90")));
    assertTrue(Values.lt("a", "b"));
    assertTrue(Values.in("new", List.of("new", "unqualified")));
    assertFalse(Values.isTrue(null));
  }

  @Test
  void remainderKeepsTheSignOfTheDividendAndRefusesZero() {
    assertEquals(-1L, Values.remainder(-7L, 3L));
    assertEquals(new BigDecimal("1.5"), Values.remainder(new BigDecimal("7.5"), new BigDecimal("2")));
    assertThrows(MappingException.class, () -> Values.remainder(1L, 0L));
  }

  @Test
  void aValueNoMatchCaseOrOptionNamesIsAnUnmappedValue() {
    assertEquals(MappingError.Code.UNMAPPED_VALUE, assertThrows(MappingException.class, () -> Values.noMatch("Lost")).code());
    Map<String, Integer> options = Map.of("Hot", 1, "Cold", 3);
    assertEquals(3, Values.option("Cold", options, "leadqualitycode"));
    assertNull(Values.option(null, options, "leadqualitycode"));
    MappingException e = assertThrows(MappingException.class, () -> Values.option("Warm", options, "leadqualitycode"));
    assertEquals("'Warm' is not an option of leadqualitycode", e.getMessage());
  }

  @Test
  void coalesceEvaluatesTheFallbackOnlyWhenNeeded() {
    assertEquals("a", Values.coalesce("a", () -> { throw new AssertionError("evaluated"); }));
    assertEquals("b", Values.coalesce(null, () -> "b"));
  }

  @Test
  void lookupsAndOwnersFailTheRecordWhenTheyCannotBeResolved() {
    TargetRef acme = new TargetRef("account", "parentcustomerid_account", TargetKey.alternate("fmap_sourceid", "C-1"));
    MappingContext context = new MappingContext() {
      @Override public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) {
        return source.id().equals("C-1") ? Optional.of(acme) : Optional.empty();
      }
      @Override public Object sourceField(SourceRef source, String field) {
        return Map.of("name", "Acme").get(field);
      }
      @Override public Optional<TargetRef> owner(String email) { return Optional.empty(); }
      @Override public Object param(String name) { return null; }
      @Override public Clock clock() { return Clock.systemUTC(); }
    };
    List<LookupCandidate> candidates = List.of(new LookupCandidate("account", "parentcustomerid_account", "fmap_sourceid"));

    assertEquals(acme, Values.ref(context, "Company", "C-1", candidates));
    assertNull(Values.ref(context, "Company", null, candidates));
    assertEquals(MappingError.Code.UNRESOLVED_LOOKUP,
        assertThrows(MappingException.class, () -> Values.ref(context, "Company", "C-2", candidates)).code());
    assertEquals("Acme", Values.refField(context, "Company", 1L, "name"));
    assertEquals(MappingError.Code.UNRESOLVED_OWNER,
        assertThrows(MappingException.class, () -> Values.owner(context, "x@y.z")).code());
    assertEquals(MappingError.Code.MISSING_VALUE,
        assertThrows(MappingException.class, () -> Values.required(null, "fmap_sourceid")).code());
  }
}
