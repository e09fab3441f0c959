package io.fmap.compiler.ir;

import java.util.List;

/**
 * One step of the load order: source objects whose maps may run together, because none of them
 * depends on another in this tier or a later one (except through second-pass lookups).
 *
 * @param number  0 for the first tier
 * @param objects source object names, sorted
 */
public record Tier(int number, List<String> objects) {
  public Tier { objects = List.copyOf(objects); }
}
