package io.fmap.runtime.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parent links of one self-referencing lookup (an account's {@code parentaccountid}) as the
 * target will hold them after the second pass: the links the target holds now, each replaced by
 * this run's link for the same row. A row has at most one parent, so every loop is a simple cycle
 * and loops never share a row: leaving out one link of each loop leaves a forest.
 *
 * <p>Rows are named by an id (the target's row id); a loop is reported by the rows' names (their
 * source ids). Only a link of this run that the target does not hold yet can be left out: the
 * others are already there. The one left out is the link of the loop's row with the smallest name,
 * so a resumed or repeated run leaves out the same link again.
 *
 * <p>Memory: two ids and a name per link, none per row without a parent. Preflight lists the same
 * loops before a run ({@code preflight.ParentCycles}).
 */
public final class ParentGraph {
  private final Map<String, String> held = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();

  /**
   * A loop that this run's links would close.
   *
   * @param members  the rows' names in parent order from the smallest, the first repeated at the end
   * @param leftOut  the row whose link of this run is left out
   */
  public record Loop(List<String> members, String leftOut) {
    public Loop {
      members = List.copyOf(members);
      Objects.requireNonNull(leftOut, "leftOut");
    }

    /** {@code a -> b -> a}. */
    public String path() {
      return String.join(" -> ", members);
    }
  }

  /** A link the target holds now: {@code child}'s parent is {@code parent}. */
  public void held(String child, String parent, String childName) {
    held.put(child, parent);
    names.putIfAbsent(child, childName);
  }

  /** A link this run writes; it replaces the one the target holds for {@code child}. */
  public void written(String child, String parent, String childName) {
    written.put(child, parent);
    names.put(child, childName);
  }

  /** The loops this run's links would close, each with the link left out, sorted by their path. */
  public List<Loop> loops() {
    List<Loop> found = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> rows = new TreeSet<>(held.keySet());
    rows.addAll(written.keySet());
    for (String start : rows) {
      List<String> path = new ArrayList<>();
      Set<String> onPath = new HashSet<>();
      String at = start;
      // Bounded: every step visits a row not seen before, and there are finitely many.
      while (at != null && !done.contains(at) && onPath.add(at)) {
        path.add(at);
        at = parent(at);
      }
      if (at != null && onPath.contains(at)) loop(path.subList(path.indexOf(at), path.size())).ifPresent(found::add);
      done.addAll(path);
    }
    found.sort(Comparator.comparing(Loop::path));
    return found;
  }

  private String parent(String row) {
    String mine = written.get(row);
    return mine != null ? mine : held.get(row);
  }

  /** The loop through {@code cycle}, or empty when none of its links is this run's to leave out. */
  private Optional<Loop> loop(List<String> cycle) {
    Comparator<String> byName = Comparator.comparing(this::name).thenComparing(Comparator.naturalOrder());
    Optional<String> leftOut = cycle.stream()
        .filter(row -> written.containsKey(row) && !written.get(row).equals(held.get(row)))
        .min(byName);
    if (leftOut.isEmpty()) return Optional.empty(); // the target holds this loop already
    int first = cycle.indexOf(cycle.stream().min(byName).orElseThrow());
    List<String> members = new ArrayList<>();
    for (int i = 0; i <= cycle.size(); i++) members.add(name(cycle.get((first + i) % cycle.size())));
    return Optional.of(new Loop(members, leftOut.get()));
  }

  private String name(String row) {
    return names.getOrDefault(row, row);
  }
}
