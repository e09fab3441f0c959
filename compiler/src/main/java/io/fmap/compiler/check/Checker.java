package io.fmap.compiler.check;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.ast.Declaration;
import io.fmap.compiler.ast.MapDecl;
import io.fmap.compiler.ast.ParamDecl;
import io.fmap.compiler.ast.SourceFile;
import io.fmap.compiler.ast.ValueMapDecl;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.ir.Assignment;
import io.fmap.compiler.ir.Dependency;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.Param;
import io.fmap.compiler.ir.Program;
import io.fmap.compiler.ir.SchemaChange;
import io.fmap.compiler.ir.ValueMap;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checking phase: parsed files and both schemas in, findings and (when there is no error) the
 * typed {@link Program} out. Steps run in a fixed order so that findings are deterministic: schema
 * changes, params, value maps, maps, routing, load order, unused declarations.
 */
public final class Checker {
  private Checker() {}

  public static CheckResult check(List<SourceFile> files, SystemSchema source, SystemSchema target,
                                  ProjectConfig config, FunctionTable functions) {
    Reporter reporter = new Reporter();
    Schemas schemas = new Schemas(source, target, reporter);
    Context cx = new Context(schemas, reporter, functions, config.publisherPrefix());
    ExprChecker exprs = new ExprChecker(cx);

    List<Declaration> declarations = files.stream().sorted(Comparator.comparing(SourceFile::file))
        .flatMap(f -> f.declarations().stream()).toList();
    List<SchemaChange> changes = new ArrayList<>(new SchemaChangeChecker(schemas, reporter, config).apply(declarations));
    List<Param> params = new ParamChecker(cx, exprs).check(only(declarations, ParamDecl.class), config.params());
    List<ValueMap> valueMaps = new ValueMapChecker(cx).check(only(declarations, ValueMapDecl.class));

    MapChecker mapChecker = new MapChecker(cx, exprs);
    List<MapChecker.Header> headers = new ArrayList<>();
    for (MapDecl d : only(declarations, MapDecl.class)) mapChecker.header(d).ifPresent(headers::add);
    for (MapChecker.Header h : headers) {
      List<String> tables = cx.produced.computeIfAbsent(h.source().name(), k -> new ArrayList<>());
      if (!tables.contains(h.target().name())) tables.add(h.target().name());
    }
    List<RoutingChecker.Checked> checked = new ArrayList<>();
    Map<String, Integer> pairs = new HashMap<>();
    for (MapChecker.Header h : headers) {
      String base = h.source().name() + "_to_" + h.target().name();
      int n = pairs.merge(base, 1, Integer::sum);
      checked.add(new RoutingChecker.Checked(h.decl(), mapChecker.check(h, n == 1 ? base : base + "_" + n)));
    }
    changes.addAll(mapChecker.keys);
    linksJoinTheirTables(cx, changes);
    var routings = new RoutingChecker(reporter).check(checked);
    LoadOrder.Result order = order(cx, mapChecker.edges);
    unused(cx, declarations);

    if (reporter.hasErrors()) return new CheckResult(reporter.diagnostics(), Optional.empty());
    List<ObjectMap> maps = secondPass(checked.stream().map(RoutingChecker.Checked::map).toList(), order.dependencies());
    Program program = new Program(params, valueMaps, maps, sortByTier(routings, order), order.tiers(),
        order.dependencies(), changes, source, withKeys(schemas.target(), changes));
    return new CheckResult(reporter.diagnostics(), Optional.of(program));
  }

  private static <T extends Declaration> List<T> only(List<Declaration> all, Class<T> kind) {
    return all.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static LoadOrder.Result order(Context cx, List<LoadOrder.Edge> edges) {
    List<LoadOrder.Edge> usable = new ArrayList<>();
    for (LoadOrder.Edge e : edges) {
      if (cx.produced.containsKey(e.to())) {
        usable.add(e);
      } else if (e.dependency().reason() == Dependency.Reason.AFTER) {
        cx.reporter.report(DiagnosticCode.AFTER_UNMAPPED_OBJECT, e.dependency().span(),
            "no map migrates spark." + e.to() + ", so there is nothing to load first", "never migrated",
            "remove it from `after`, or map spark." + e.to());
      }
    }
    LoadOrder.Result result = LoadOrder.of(new TreeSet<>(cx.produced.keySet()), usable);
    // A party table that can only load after the activity is searched as it stands (its rows are not
    // there yet, so the addresses stay bare): such an edge orders nothing and needs no second pass.
    List<Dependency> brokenParties = result.dependencies().stream()
        .filter(d -> d.twoPass() && d.reason() == Dependency.Reason.PARTY).toList();
    if (!brokenParties.isEmpty()) {
      usable.removeIf(e -> e.dependency().reason() == Dependency.Reason.PARTY
          && brokenParties.stream().anyMatch(b -> b.from().equals(e.from()) && b.to().equals(e.to())));
      result = LoadOrder.of(new TreeSet<>(cx.produced.keySet()), usable);
    }
    for (List<Dependency> cycle : result.cycles()) {
      String path = cycle.stream().map(d -> d.from() + "." + (d.column() == null ? "after" : d.column()) + " → " + d.to())
          .collect(Collectors.joining(", "));
      cx.reporter.report(DiagnosticCode.DEPENDENCY_CYCLE, cycle.get(0).span(),
          "these objects each need the other loaded first: " + path, "cycle",
          "every lookup on the cycle is required; make one optional (or leave it out and set it in a later map)");
    }
    for (Dependency d : result.dependencies()) {
      if (!d.twoPass()) continue;
      String why = d.from().equals(d.to()) ? "it points to other spark." + d.to() + " rows of the same load"
          : "it closes a cycle between spark." + d.from() + " and spark." + d.to();
      cx.reporter.report(DiagnosticCode.TWO_PASS_LOAD, d.span(),
          "`" + d.column() + "` is loaded in two passes: " + why, "second pass",
          "rows are created without it, then updated once every target row exists");
    }
    return result;
  }

  /** A relationship's {@code from} field must list, from an object mapped to one side, objects mapped to the other. */
  private static void linksJoinTheirTables(Context cx, List<SchemaChange> changes) {
    for (SchemaChange c : changes) {
      if (!(c instanceof SchemaChange.NewRelationship r) || r.links().isEmpty()) continue;
      SchemaChange.Links links = r.links().get();
      List<String> holder = cx.produced.getOrDefault(links.object(), List.of());
      List<String> other = cx.produced.getOrDefault(links.otherObject(), List.of());
      String t1 = r.relationship().table1();
      String t2 = r.relationship().table2();
      if ((holder.contains(t1) && other.contains(t2)) || (holder.contains(t2) && other.contains(t1))) continue;
      cx.reporter.report(DiagnosticCode.RELATIONSHIP_LINKS, links.span(),
          "spark." + links.object() + "." + links.field() + " links spark." + links.object() + " (mapped to "
              + described(holder) + ") with spark." + links.otherObject() + " (mapped to " + described(other)
              + "), not " + t1 + " with " + t2, "joins other tables",
          "name a field of the object mapped to " + t1 + " or " + t2 + " that lists the other's ids");
    }
  }

  private static String described(List<String> tables) {
    return tables.isEmpty() ? "nothing" : String.join(", ", tables);
  }

  private static void unused(Context cx, List<Declaration> declarations) {
    Set<String> seenParams = new TreeSet<>();
    for (ParamDecl p : only(declarations, ParamDecl.class)) {
      if (!cx.usedParams.contains(p.name().text()) && seenParams.add(p.name().text())) {
        cx.reporter.report(DiagnosticCode.UNUSED_PARAM, p.name().span(), "param `" + p.name().text() + "` is never used",
            "unused", "use it in a condition or value, or remove it");
      }
    }
    Set<String> seenMaps = new TreeSet<>();
    for (ValueMapDecl v : only(declarations, ValueMapDecl.class)) {
      if (!cx.usedValueMaps.contains(v.name().text()) && seenMaps.add(v.name().text())) {
        cx.reporter.report(DiagnosticCode.UNUSED_VALUE_MAP, v.name().span(),
            "value map `" + v.name().text() + "` is never applied", "unused",
            "apply it in a map (`field | " + v.name().text() + "`) or remove it");
      }
    }
  }

  /** Lookups the load order could not satisfy by ordering are written in the second pass. */
  private static List<ObjectMap> secondPass(List<ObjectMap> maps, List<Dependency> dependencies) {
    Set<String> deferred = dependencies.stream().filter(Dependency::twoPass).map(d -> d.map() + "\u0000" + d.column())
        .collect(Collectors.toSet());
    List<ObjectMap> out = new ArrayList<>();
    for (ObjectMap m : maps) {
      List<Assignment> assignments = m.assignments().stream()
          .map(a -> deferred.contains(m.name() + "\u0000" + a.column().name())
              ? new Assignment(a.column(), a.value(), a.write(), Assignment.Phase.SECOND_PASS, a.unsetWhenNull(), a.span())
              : a)
          .toList();
      out.add(new ObjectMap(m.name(), m.source(), m.target(), m.when(), m.otherwise(), m.filter(), m.keys(), m.locals(),
          assignments, m.ignored(), m.after(), m.parties(), m.span()));
    }
    return out;
  }

  private static List<io.fmap.compiler.ir.Routing> sortByTier(List<io.fmap.compiler.ir.Routing> routings,
                                                               LoadOrder.Result order) {
    Map<String, Integer> tierOf = new LinkedHashMap<>();
    order.tiers().forEach(t -> t.objects().forEach(o -> tierOf.put(o, t.number())));
    return routings.stream().sorted(Comparator.comparingInt((io.fmap.compiler.ir.Routing r) ->
        tierOf.getOrDefault(r.sourceObject(), Integer.MAX_VALUE)).thenComparing(io.fmap.compiler.ir.Routing::sourceObject))
        .toList();
  }

  private static SystemSchema withKeys(SystemSchema target, List<SchemaChange> changes) {
    List<Table> tables = new ArrayList<>();
    for (Table t : target.tables()) {
      List<AlternateKey> keys = new ArrayList<>(t.keys());
      for (SchemaChange c : changes) {
        if (c instanceof SchemaChange.NewKey k && k.table().equals(t.name())) keys.add(k.key());
      }
      tables.add(new Table(t.name(), t.displayName(), t.entitySetName(), t.primaryIdColumn(), t.primaryNameColumn(),
          t.ownership(), t.activity(), t.custom(), t.columns(), keys));
    }
    return new SystemSchema(target.system(), tables, target.relationships(), target.settings());
  }
}
