package io.fmap.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompiledPlanTest {

  private static final FmapLocation MAP_LINE = new FmapLocation("contact.fmap", 3);
  private static final FmapLocation EMAIL_LINE = new FmapLocation("contact.fmap", 5);

  /** Records the Java line of the statement that throws, as the compiler records generated lines. */
  static int throwingLine;

  /** Stands in for a generated map: throws from a line the test maps to contact.fmap:5. */
  static final class ExplodingMap implements MapTransform {
    private final java.util.function.Supplier<RuntimeException> failure;

    ExplodingMap(java.util.function.Supplier<RuntimeException> failure) {
      this.failure = failure;
    }

    @Override public String id() { return "Contact->contact"; }
    @Override public String sourceObject() { return "Contact"; }
    @Override public String targetTable() { return "contact"; }
    @Override public FmapLocation location() { return MAP_LINE; }

    @Override
    public MapResult apply(SourceRecord record, MappingContext context) {
      throwingLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
      throw failure.get();
    }
  }

  record OneMapRouter(MapTransform map, boolean matches) implements SourceRouter {
    @Override public String sourceObject() { return map.sourceObject(); }
    @Override public List<MapTransform> maps() { return List.of(map); }
    @Override public List<MapTransform> route(SourceRecord record, MappingContext context) {
      return matches ? List.of(map) : List.of();
    }
  }

  private static final MappingContext NO_CONTEXT = new MappingContext() {
    @Override public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) { return Optional.empty(); }
    @Override public Object sourceField(SourceRef source, String field) { return null; }
    @Override public Optional<TargetRef> owner(String email) { return Optional.empty(); }
    @Override public Object param(String name) { throw new IllegalArgumentException(name); }
    @Override public Clock clock() { return Clock.systemUTC(); }
  };

  private static final SourceRecord JANE = new SourceRecord("Contact", "7", Map.of("email", "x"));

  private static CompiledPlan planWith(SourceRouter router, GeneratedLines lines) {
    return new CompiledPlan("abc", new TreeMap<>(), List.of(new LoadTier(0, List.of("Contact"))),
        List.of(router), List.of(), List.of(), lines);
  }

  private static GeneratedLines throwingLineIs(FmapLocation location) {
    return new GeneratedLines(Map.of(ExplodingMap.class.getName(), Map.of(1, MAP_LINE, throwingLine, location)));
  }

  @Test
  void aBadValueInGeneratedCodeIsReportedAtItsFmapLine() {
    ExplodingMap map = new ExplodingMap(() -> MappingException.invalid("'31/02/2024' is not a date"));
    assertThrows(RuntimeException.class, () -> map.apply(JANE, NO_CONTEXT), "learns the throwing line");

    List<MapResult> results = planWith(new OneMapRouter(map, true), throwingLineIs(EMAIL_LINE))
        .transform(JANE, NO_CONTEXT);

    MappingError error = assertInstanceOf(MapResult.Failed.class, results.get(0)).error();
    assertEquals(MappingError.Code.INVALID_VALUE, error.code());
    assertEquals(EMAIL_LINE, error.location());
    assertEquals("contact.fmap:5: INVALID_VALUE: '31/02/2024' is not a date (Contact/7)", error.describe());
  }

  @Test
  void aBugInGeneratedCodeBecomesAFailureAtItsLineNotAStackTrace() {
    ExplodingMap map = new ExplodingMap(() -> new NullPointerException("boom"));
    assertThrows(RuntimeException.class, () -> map.apply(JANE, NO_CONTEXT), "learns the throwing line");

    List<MapResult> results = planWith(new OneMapRouter(map, true), throwingLineIs(EMAIL_LINE))
        .transform(JANE, NO_CONTEXT);

    MappingError error = assertInstanceOf(MapResult.Failed.class, results.get(0)).error();
    assertEquals(MappingError.Code.FAILED, error.code());
    assertEquals("NullPointerException: boom", error.message());
    assertEquals(EMAIL_LINE, error.location());
  }

  @Test
  void withoutALineTableTheMapsOwnLineIsBlamed() {
    ExplodingMap map = new ExplodingMap(IllegalStateException::new);
    MappingError error = assertInstanceOf(MapResult.Failed.class,
        planWith(new OneMapRouter(map, true), GeneratedLines.none()).transform(JANE, NO_CONTEXT).get(0)).error();
    assertEquals(MAP_LINE, error.location());
  }

  @Test
  void aRecordNoConditionMatchesIsANoRouteFailure() {
    ExplodingMap map = new ExplodingMap(IllegalStateException::new);
    MappingError error = assertInstanceOf(MapResult.Failed.class,
        planWith(new OneMapRouter(map, false), GeneratedLines.none()).transform(JANE, NO_CONTEXT).get(0)).error();
    assertEquals(MappingError.Code.NO_ROUTE, error.code());
  }

  @Test
  void aRecordOfAnUnmappedObjectIsANoRouteFailure() {
    ExplodingMap map = new ExplodingMap(IllegalStateException::new);
    SourceRecord deal = new SourceRecord("Deal", "1", Map.of());
    MappingError error = assertInstanceOf(MapResult.Failed.class,
        planWith(new OneMapRouter(map, true), GeneratedLines.none()).transform(deal, NO_CONTEXT).get(0)).error();
    assertEquals(MappingError.Code.NO_ROUTE, error.code());
    assertEquals("no map reads source object Deal", error.message());
  }
}
