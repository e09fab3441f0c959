package io.fmap.runtime.exec.preflight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records that are their own ancestor through a self-reference (a company whose parent's parent is
 * itself): Dataverse refuses the last link of such a loop, so preflight lists each loop once.
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
      Set<String> done = new HashSet<>();
      for (String start : new java.util.TreeSet<>(links.keySet())) {
        List<String> path = new ArrayList<>();
        Set<String> onPath = new HashSet<>();
        String at = start;
        // Bounded: every step visits a new id, and there are finitely many.
        while (at != null && !done.contains(at) && onPath.add(at)) {
          path.add(at);
          at = links.get(at);
        }
        if (at != null && onPath.contains(at)) found.add(object + ": " + loop(path.subList(path.indexOf(at), path.size())));
        done.addAll(path);
      }
    });
    java.util.Collections.sort(found);
    return found;
  }

  private static String loop(List<String> members) {
    int smallest = members.indexOf(members.stream().min(String::compareTo).orElseThrow());
    List<String> rotated = new ArrayList<>(members.subList(smallest, members.size()));
    rotated.addAll(members.subList(0, smallest));
    rotated.add(rotated.get(0));
    return String.join(" -> ", rotated);
  }
}
