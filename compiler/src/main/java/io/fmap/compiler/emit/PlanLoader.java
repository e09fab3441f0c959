package io.fmap.compiler.emit;

import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.Assignment;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.Program;
import io.fmap.compiler.ir.SchemaChange;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.DeferredLookup;
import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.GeneratedLines;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.SourceRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads compiled generated classes and assembles the {@link CompiledPlan} the runtime executes:
 * the routers, the load order, the second-pass lookups, the schema changes, and the line table
 * that reports failures at their {@code .fmap} line.
 */
public final class PlanLoader {

  private PlanLoader() {}

  public static CompiledPlan load(Program program, JavaEmitter.Emitted emitted, CompiledClasses classes, String planHash) {
    ClassLoader loader = classes.load(PlanLoader.class.getClassLoader());
    List<SourceRouter> routers = new ArrayList<>();
    for (String className : emitted.routerClasses().values()) {
      try {
        routers.add((SourceRouter) loader.loadClass(className).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new GeneratedCodeException("generated router " + className + " cannot be loaded: " + e);
      }
    }
    Map<String, Object> params = new TreeMap<>();
    program.params().forEach(p -> params.put(p.name(), p.value()));
    List<LoadTier> tiers = program.tiers().stream().map(t -> new LoadTier(t.number(), t.objects())).toList();
    List<DeferredLookup> deferred = new ArrayList<>();
    List<io.fmap.runtime.api.StateChange> states = new ArrayList<>();
    TreeSet<String> files = new TreeSet<>();
    for (ObjectMap m : program.maps()) {
      files.add(m.span().file());
      for (Assignment a : m.assignments()) {
        files.add(a.span().file());
        if (a.phase() == Assignment.Phase.SECOND_PASS) {
          deferred.add(new DeferredLookup(m.name(), a.column().name(), at(a.span())));
        }
        if (a.phase() == Assignment.Phase.STATE_CHANGE) {
          states.add(new io.fmap.runtime.api.StateChange(m.name(), a.column().name(), at(a.span())));
        }
      }
    }
    program.valueMaps().forEach(v -> files.add(v.span().file()));
    GeneratedLines lines = SourceLines.read(emitted.sources(), files);
    List<io.fmap.runtime.api.SchemaChange> changes = program.schemaChanges().stream().map(PlanLoader::change).toList();
    List<io.fmap.runtime.api.Association> associations = io.fmap.compiler.ir.Association.of(program).stream()
        .map(a -> new io.fmap.runtime.api.Association(a.relationship(), a.sourceObject(), a.table(),
            a.navigationProperty(), a.sourceField(), a.otherObject(), a.otherTable(), at(a.span())))
        .toList();
    return new CompiledPlan(planHash, new TreeMap<>(params), tiers, routers, deferred, changes, lines, associations, states);
  }

  private static io.fmap.runtime.api.SchemaChange change(SchemaChange c) {
    if (c instanceof SchemaChange.NewColumn n) {
      return new io.fmap.runtime.api.SchemaChange.AddColumn(n.table(), n.column(), at(n.span()));
    }
    if (c instanceof SchemaChange.NewTable t) return new io.fmap.runtime.api.SchemaChange.AddTable(t.table(), at(t.span()));
    if (c instanceof SchemaChange.NewKey k) {
      return new io.fmap.runtime.api.SchemaChange.AddAlternateKey(k.table(), k.key(), at(k.span()));
    }
    if (c instanceof SchemaChange.NewRelationship r) {
      return new io.fmap.runtime.api.SchemaChange.AddRelationship(r.relationship(), at(r.span()));
    }
    SchemaChange.NewProcess p = (SchemaChange.NewProcess) c;
    return new io.fmap.runtime.api.SchemaChange.AddProcess(p.name(), p.table(), p.stages(), at(p.span()));
  }

  static FmapLocation at(Span span) {
    return new FmapLocation(span.file(), span.startLine());
  }
}
