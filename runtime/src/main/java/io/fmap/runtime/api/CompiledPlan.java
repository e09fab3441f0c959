package io.fmap.runtime.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A checked, compiled and loaded migration: everything the runtime executes, nothing it has to
 * interpret. Made by the compiler, approved by a person through its {@link #hash()}.
 *
 * @param hash            hex SHA-256 of the plan text; {@code fmap.lock} pins it, and data verbs
 *                        refuse to run a plan whose hash differs from the approved one
 * @param params          every declared param with the value the plan was compiled with, by name
 * @param tiers           load order, tier 0 first
 * @param routers         one router per mapped source object, sorted by object name
 * @param deferredLookups lookups written in a second pass, in plan order
 * @param schemaChanges   schema changes to apply before loading, in plan order
 * @param lines           generated Java lines → .fmap lines, to locate failures
 * @param associations    many-to-many links written after every tier and the second pass, in plan order
 * @param stateChanges    state columns written after the load instead of on create, in plan order
 * @param fileBodies      columns filled with a source file's body at the very end, in plan order
 */
public record CompiledPlan(String hash, SortedMap<String, Object> params, List<LoadTier> tiers,
                           List<SourceRouter> routers, List<DeferredLookup> deferredLookups,
                           List<SchemaChange> schemaChanges, GeneratedLines lines, List<Association> associations,
                           List<StateChange> stateChanges, List<FileBody> fileBodies) {

  /** A plan with nothing to do after the load: no links, no state changes, no file bodies. */
  public CompiledPlan(String hash, SortedMap<String, Object> params, List<LoadTier> tiers, List<SourceRouter> routers,
                      List<DeferredLookup> deferredLookups, List<SchemaChange> schemaChanges, GeneratedLines lines) {
    this(hash, params, tiers, routers, deferredLookups, schemaChanges, lines, List.of(), List.of(), List.of());
  }

  public CompiledPlan {
    Objects.requireNonNull(hash, "hash");
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    tiers = List.copyOf(tiers);
    routers = routers.stream().sorted(java.util.Comparator.comparing(SourceRouter::sourceObject)).toList();
    deferredLookups = List.copyOf(deferredLookups);
    schemaChanges = List.copyOf(schemaChanges);
    Objects.requireNonNull(lines, "lines");
    associations = List.copyOf(associations);
    stateChanges = List.copyOf(stateChanges);
    fileBodies = List.copyOf(fileBodies);
  }

  public Optional<SourceRouter> router(String sourceObject) {
    return Optional.ofNullable(routerOrNull(sourceObject));
  }

  /** A plain loop and no Optional: this runs once per record, and a plan has a handful of routers. */
  private SourceRouter routerOrNull(String sourceObject) {
    for (SourceRouter r : routers) {
      if (r.sourceObject().equals(sourceObject)) return r;
    }
    return null;
  }

  /** Every map, grouped by source object in router order, each group in declaration order. */
  public List<MapTransform> maps() {
    return routers.stream().flatMap(r -> r.maps().stream()).toList();
  }

  public Optional<MapTransform> map(String id) {
    return maps().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The lookup columns of one map that the first pass leaves out. */
  public java.util.Set<String> deferredColumns(String mapId) {
    java.util.Set<String> columns = new java.util.TreeSet<>();
    deferredLookups.stream().filter(d -> d.map().equals(mapId)).forEach(d -> columns.add(d.column()));
    return columns;
  }

  /** The columns of one map that the state pass writes after the load. */
  public java.util.Set<String> stateColumns(String mapId) {
    java.util.Set<String> columns = new java.util.TreeSet<>();
    stateChanges.stream().filter(s -> s.map().equals(mapId)).forEach(s -> columns.add(s.column()));
    return columns;
  }

  /** The columns of one map that take a file body after the load. */
  public java.util.Set<String> fileBodyColumns(String mapId) {
    java.util.Set<String> columns = new java.util.TreeSet<>();
    fileBodies.stream().filter(f -> f.map().equals(mapId)).forEach(f -> columns.add(f.column()));
    return columns;
  }

  /**
   * Routes one source record and runs the maps it goes to. Never throws for bad data or a bug in
   * generated code: each becomes a {@link MapResult.Failed} naming the {@code .fmap} line.
   *
   * @return one result per map the record went through, or a single NO_ROUTE failure
   */
  public List<MapResult> transform(SourceRecord record, MappingContext context) {
    // The SourceRef of a failure is built only when one happens: this runs once per record.
    SourceRouter router = routerOrNull(record.object());
    if (router == null) {
      return List.of(MapResult.failed(new MappingError(MappingError.Code.NO_ROUTE,
          "no map reads source object " + record.object(), null, SourceRef.of(record))));
    }
    List<MapTransform> chosen;
    try {
      chosen = router.route(record, context);
    } catch (RuntimeException failure) {
      FmapLocation fallback = router.maps().isEmpty() ? null : router.maps().get(0).location();
      return List.of(MapResult.failed(errorOf(failure, fallback, SourceRef.of(record))));
    }
    if (chosen.isEmpty()) {
      return List.of(MapResult.failed(new MappingError(MappingError.Code.NO_ROUTE,
          "no routing condition of " + record.object() + " matched and there is no otherwise map",
          null, SourceRef.of(record))));
    }
    if (chosen.size() == 1) return List.of(apply(chosen.get(0), record, context));
    List<MapResult> results = new ArrayList<>(chosen.size());
    for (MapTransform map : chosen) results.add(apply(map, record, context));
    return results;
  }

  private MapResult apply(MapTransform map, SourceRecord record, MappingContext context) {
    try {
      return map.apply(record, context);
    } catch (RuntimeException failure) {
      return MapResult.failed(errorOf(failure, map.location(), SourceRef.of(record)));
    }
  }

  private MappingError errorOf(RuntimeException failure, FmapLocation fallback, SourceRef source) {
    FmapLocation where = lines.locate(failure).orElse(fallback);
    if (failure instanceof MappingException known) {
      return new MappingError(known.code(), known.getMessage(), where, source);
    }
    String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    return new MappingError(MappingError.Code.FAILED,
        failure.getClass().getSimpleName() + detail, where, source);
  }
}
