package io.fmap.runtime.exec.preflight;

import io.fmap.runtime.exec.ParentGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records that are their own ancestor through a self-reference (a company whose parent's parent is
 * itself): Dataverse refuses the last link of such a loop, so preflight lists each loop once. The
 * loops are the load's ({@link ParentGraph}), which leaves one link of each out.
 */
final class ParentCycles {
  /** child id → parent id, per source object. */
  private final Map<String, Map<String, String>> parents = new TreeMap<>();

  synchronized void link(String object, String child, String parent) {
    parents.computeIfAbsent(object, o -> new HashMap<>()).putIfAbsent(child, parent);
  }

  /** Each loop as its ids from the smallest, {@code Company: a -> b -> a}, sorted. */
  synchronized List<String> cycles() {
    List<String> found = new ArrayList<>();
    parents.forEach((object, links) -> {
      ParentGraph graph = new ParentGraph();
      links.forEach((child, parent) -> graph.written(child, parent, child));
      graph.loops().forEach(loop -> found.add(object + ": " + loop.path()));
    });
    Collections.sort(found);
    return found;
  }
}
