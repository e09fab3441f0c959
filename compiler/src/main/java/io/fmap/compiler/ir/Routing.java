package io.fmap.compiler.ir;

import java.util.List;

/**
 * How records of one source object find their map: the conditional maps in the order written,
 * then the {@code otherwise} (or unconditional) map. A record goes to the first map that takes it.
 *
 * @param maps       map names in decision order
 * @param catchesAll false when no map takes what the conditions leave: those records are skipped (and counted)
 */
public record Routing(String sourceObject, List<String> maps, boolean catchesAll) {
  public Routing { maps = List.copyOf(maps); }
}
