package io.fmap.compiler.ir;

import io.fmap.schema.SystemSchema;
import java.util.List;
import java.util.Optional;

/**
 * A checked project: everything code generation and the plan need, with no reference back to the AST.
 * It exists only when checking found no error.
 *
 * @param params        every {@code param} with the value it takes in this run
 * @param valueMaps     every {@code valuemap}, in declaration order
 * @param maps          every {@code map}, in declaration order (files sorted by path)
 * @param routings      one per mapped source object: which map takes a record, in load order
 * @param tiers         load order: objects in one tier do not depend on each other
 * @param dependencies  the edges that made the tiers, with the reason for each
 * @param schemaChanges columns, tables, keys, relationships and processes the target needs first
 * @param source        the source schema the program was checked against
 * @param target        the target schema, with the schema changes applied
 */
public record Program(List<Param> params, List<ValueMap> valueMaps, List<ObjectMap> maps,
                      List<Routing> routings, List<Tier> tiers, List<Dependency> dependencies,
                      List<SchemaChange> schemaChanges, SystemSchema source, SystemSchema target) {

  public Program {
    params = List.copyOf(params);
    valueMaps = List.copyOf(valueMaps);
    maps = List.copyOf(maps);
    routings = List.copyOf(routings);
    tiers = List.copyOf(tiers);
    dependencies = List.copyOf(dependencies);
    schemaChanges = List.copyOf(schemaChanges);
  }

  public Optional<ObjectMap> map(String name) {
    return maps.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public Optional<ValueMap> valueMap(String name) {
    return valueMaps.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<Routing> routing(String sourceObject) {
    return routings.stream().filter(r -> r.sourceObject().equals(sourceObject)).findFirst();
  }
}
