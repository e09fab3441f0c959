package io.fmap.compiler.check;

import io.fmap.compiler.ir.Dependency;
import io.fmap.compiler.ir.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives the load order from dependency edges: tiers by longest path, cycles broken by moving an
 * optional lookup to a second pass, and the cycles no optional lookup can break.
 */
final class LoadOrder {

  /**
   * An edge to order by.
   *
   * @param optional the lookup may be empty on create, so the edge can be satisfied by a second pass
   */
  record Edge(Dependency dependency, boolean optional) {
    String from() { return dependency.from(); }
    String to() { return dependency.to(); }
  }

  /**
   * @param tiers        objects by tier
   * @param dependencies every edge, with {@code twoPass} set where a second pass satisfies it
   * @param cycles       cycles of edges that no optional lookup breaks (each an error)
   */
  record Result(List<Tier> tiers, List<Dependency> dependencies, List<List<Dependency>> cycles) {}

  private LoadOrder() {}

  static Result of(SortedSet<String> objects, List<Edge> edges) {
    List<Edge> sorted = new ArrayList<>(edges);
    sorted.sort(Comparator.comparing(Edge::from).thenComparing(Edge::to)
        .thenComparing(e -> e.dependency().map()).thenComparing(e -> String.valueOf(e.dependency().column())));
    Set<Edge> twoPass = new LinkedHashSet<>();
    List<List<Dependency>> cycles = new ArrayList<>();
    Set<Edge> unbreakable = new LinkedHashSet<>();
    // Each round removes one edge from consideration, so the loop ends within edges.size() + 1 rounds.
    for (int round = 0; round <= sorted.size(); round++) {
      List<Edge> live = sorted.stream().filter(e -> !twoPass.contains(e) && !unbreakable.contains(e)).toList();
      List<Edge> cycle = findCycle(objects, live);
      if (cycle.isEmpty()) break;
      Edge breaker = cycle.stream().filter(Edge::optional).reduce((a, b) -> b).orElse(null);
      if (breaker != null) {
        twoPass.add(breaker);
      } else {
        cycles.add(cycle.stream().map(Edge::dependency).toList());
        unbreakable.addAll(cycle);
      }
    }
    List<Edge> ordering = sorted.stream().filter(e -> !twoPass.contains(e) && !unbreakable.contains(e)).toList();
    List<Dependency> deps = sorted.stream().map(e -> twoPass.contains(e) ? withTwoPass(e.dependency()) : e.dependency())
        .toList();
    return new Result(tiers(objects, ordering), deps, cycles);
  }

  private static Dependency withTwoPass(Dependency d) {
    return new Dependency(d.from(), d.to(), d.map(), d.column(), d.reason(), true, d.span());
  }

  private static List<Tier> tiers(SortedSet<String> objects, List<Edge> acyclic) {
    Map<String, List<String>> needs = new HashMap<>();
    for (Edge e : acyclic) needs.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    Map<String, Integer> level = new HashMap<>();
    TreeMap<Integer, SortedSet<String>> byLevel = new TreeMap<>();
    for (String o : objects) byLevel.computeIfAbsent(level(o, needs, level, new LinkedHashSet<>()), k -> new TreeSet<>()).add(o);
    List<Tier> tiers = new ArrayList<>();
    for (var entry : byLevel.entrySet()) tiers.add(new Tier(tiers.size(), List.copyOf(entry.getValue())));
    return tiers;
  }

  private static int level(String o, Map<String, List<String>> needs, Map<String, Integer> memo, Set<String> path) {
    Integer known = memo.get(o);
    if (known != null) return known;
    // The edges given here are acyclic; the path set only guards against a caller's mistake.
    if (!path.add(o)) return 0;
    int l = 0;
    for (String dep : needs.getOrDefault(o, List.of())) {
      if (!dep.equals(o)) l = Math.max(l, level(dep, needs, memo, path) + 1);
    }
    path.remove(o);
    memo.put(o, l);
    return l;
  }

  /** The first cycle found by depth-first search in name order, as its edges; empty when there is none. */
  private static List<Edge> findCycle(SortedSet<String> objects, List<Edge> edges) {
    Map<String, List<Edge>> out = new TreeMap<>();
    for (Edge e : edges) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    Set<String> done = new TreeSet<>();
    for (String start : objects) {
      List<Edge> cycle = dfs(start, out, done, new ArrayList<>(), new LinkedHashSet<>());
      if (!cycle.isEmpty()) return cycle;
    }
    return List.of();
  }

  private static List<Edge> dfs(String node, Map<String, List<Edge>> out, Set<String> done, List<Edge> trail,
                                Set<String> onPath) {
    if (done.contains(node)) return List.of();
    onPath.add(node);
    for (Edge e : out.getOrDefault(node, List.of())) {
      trail.add(e);
      if (onPath.contains(e.to())) {
        int start = 0;
        while (!trail.get(start).from().equals(e.to())) start++;
        return List.copyOf(trail.subList(start, trail.size()));
      }
      List<Edge> found = dfs(e.to(), out, done, trail, onPath);
      if (!found.isEmpty()) return found;
      trail.remove(trail.size() - 1);
    }
    onPath.remove(node);
    done.add(node);
    return List.of();
  }
}
