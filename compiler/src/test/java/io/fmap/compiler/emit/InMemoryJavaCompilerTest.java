package io.fmap.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.GeneratedLines;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.MappingError;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.SourceRouter;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryJavaCompilerTest {

  /** A hand-written stand-in for an emitted map: reads a date with Std, two statements, two markers. */
  static GeneratedSource contactMap(String markerFile) {
    return new GeneratedSource("io.fmap.generated.Contact_to_contact", """
        package io.fmap.generated;

        import io.fmap.runtime.api.*;
        import io.fmap.runtime.functions.Std;

        public final class Contact_to_contact implements MapTransform {
          public String id() { return "Contact_to_contact"; }
          public String sourceObject() { return "Contact"; }
          public String targetTable() { return "contact"; }
          public FmapLocation location() { return new FmapLocation("contact.fmap", 1); }

          public MapResult apply(SourceRecord record, MappingContext context) {
            TargetRow.Builder row = TargetRow.builder(id(), "contact", SourceRef.of(record));
            // %1$s:2
            row.set("lastname", Std.trim((String) record.get("last_name")));
            // %1$s:3
            row.set("birthdate",
                Std.parseDate((String) record.get("birthday")));
            return MapResult.of(row.build());
          }
        }
        """.formatted(markerFile));
  }

  record OneMap(MapTransform map) implements SourceRouter {
    @Override public String sourceObject() { return map.sourceObject(); }
    @Override public List<MapTransform> maps() { return List.of(map); }
    @Override public List<MapTransform> route(SourceRecord record, MappingContext context) { return List.of(map); }
  }

  static final MappingContext CONTEXT = new MappingContext() {
    @Override public Optional<TargetRef> lookup(SourceRef source, List<LookupCandidate> candidates) { return Optional.empty(); }
    @Override public Object sourceField(SourceRef source, String field) { return null; }
    @Override public Optional<TargetRef> owner(String email) { return Optional.empty(); }
    @Override public Object param(String name) { throw new IllegalArgumentException(name); }
    @Override public Clock clock() { return Clock.systemUTC(); }
  };

  static MapTransform load(CompiledClasses classes, String name) throws ReflectiveOperationException {
    Class<?> cls = classes.load(InMemoryJavaCompilerTest.class.getClassLoader()).loadClass(name);
    return (MapTransform) cls.getDeclaredConstructor().newInstance();
  }

  static CompiledPlan planOf(MapTransform map, GeneratedLines lines) {
    return new CompiledPlan("h", new TreeMap<>(), List.of(new LoadTier(0, List.of("Contact"))),
        List.of(new OneMap(map)), List.of(), List.of(), lines);
  }

  @Test
  void generatedSourceCompilesAgainstTheRuntimeApiAndRuns() throws Exception {
    GeneratedSource source = contactMap("contact.fmap");
    MapTransform map = load(new InMemoryJavaCompiler().compile(List.of(source)), source.className());

    MapResult result = map.apply(new SourceRecord("Contact", "7", Map.of("last_name", " Doe ", "birthday", "1990-05-01")), CONTEXT);

    TargetRow row = assertInstanceOf(MapResult.Mapped.class, result).rows().get(0);
    assertEquals("Doe", row.columns().get("lastname"));
    assertEquals(java.time.LocalDate.of(1990, 5, 1), row.columns().get("birthdate"));
  }

  @Test
  void aFailureInGeneratedCodeIsReportedAtTheFmapLineOfItsStatement() throws Exception {
    GeneratedSource source = contactMap("contact.fmap");
    MapTransform map = load(new InMemoryJavaCompiler().compile(List.of(source)), source.className());
    GeneratedLines lines = SourceLines.read(List.of(source), List.of("contact.fmap"));

    List<MapResult> results = planOf(map, lines)
        .transform(new SourceRecord("Contact", "7", Map.of("last_name", "Doe", "birthday", "01.05.1990")), CONTEXT);

    MappingError error = assertInstanceOf(MapResult.Failed.class, results.get(0)).error();
    assertEquals(new FmapLocation("contact.fmap", 3), error.location(), "the statement spans two Java lines");
    assertEquals(MappingError.Code.INVALID_VALUE, error.code());

    List<MapResult> wrongType = planOf(map, lines)
        .transform(new SourceRecord("Contact", "8", Map.of("last_name", 42L)), CONTEXT);
    MappingError cast = assertInstanceOf(MapResult.Failed.class, wrongType.get(0)).error();
    assertEquals(new FmapLocation("contact.fmap", 2), cast.location());
    assertEquals(MappingError.Code.FAILED, cast.code());
  }

  @Test
  void aHostileFileNameCannotBreakOutOfItsMarkerComment() throws Exception {
    String hostile = "evil\\u000a System.exit(1); //\n.fmap";
    String marker = SourceLines.marker(new FmapLocation(hostile, 2));
    assertFalse(marker.contains("\\") || marker.contains("\n"), marker);

    GeneratedSource source = contactMap(SourceLines.safeFileName(hostile));
    MapTransform map = load(new InMemoryJavaCompiler().compile(List.of(source)), source.className());
    GeneratedLines lines = SourceLines.read(List.of(source), List.of(hostile));
    MappingError error = assertInstanceOf(MapResult.Failed.class, planOf(map, lines)
        .transform(new SourceRecord("Contact", "7", Map.of("birthday", "x")), CONTEXT).get(0)).error();
    assertEquals(hostile, error.location().file(), "reported under its real name");
  }

  @Test
  void codeThatDoesNotCompileIsReportedAsAnFmapBugWithJavacsFinding() {
    GeneratedSource broken = new GeneratedSource("io.fmap.generated.Broken",
        "package io.fmap.generated;\nclass Broken {\n  int x = \"text\";\n}\n");
    GeneratedCodeException e = assertThrows(GeneratedCodeException.class,
        () -> new InMemoryJavaCompiler().compile(List.of(broken)));
    assertTrue(e.getMessage().contains("a bug in fmap"), e.getMessage());
    assertTrue(e.getMessage().contains("io/fmap/generated/Broken.java:3"), e.getMessage());
  }

  @Test
  void theCacheSkipsJavacForTheSameSourcesAndKeysOnEveryByte(@TempDir Path dir) throws Exception {
    ClassCache cache = new ClassCache(dir, new InMemoryJavaCompiler());
    List<GeneratedSource> sources = List.of(contactMap("contact.fmap"));

    ClassCache.Compilation first = cache.compile(sources);
    ClassCache.Compilation second = cache.compile(sources);

    assertFalse(first.fromCache());
    assertTrue(second.fromCache());
    assertEquals(first.classes().bytecode().keySet(), second.classes().bytecode().keySet());
    MapTransform map = load(second.classes(), "io.fmap.generated.Contact_to_contact");
    assertEquals("Contact_to_contact", map.id());
    assertNotEquals(first.key(), ClassCache.key(List.of(contactMap("company.fmap"))));
  }

  @Test
  void anIncompleteCacheEntryIsRebuiltNotTrusted(@TempDir Path dir) throws Exception {
    ClassCache cache = new ClassCache(dir, new InMemoryJavaCompiler());
    List<GeneratedSource> sources = List.of(contactMap("contact.fmap"));
    String key = cache.compile(sources).key();
    try (var files = Files.list(dir.resolve(key))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".class")).toList()) Files.delete(p);
    }

    ClassCache.Compilation again = cache.compile(sources);

    assertFalse(again.fromCache());
    assertEquals("Contact_to_contact", load(again.classes(), "io.fmap.generated.Contact_to_contact").id());
  }
}
