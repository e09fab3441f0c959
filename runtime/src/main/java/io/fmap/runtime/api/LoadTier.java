package io.fmap.runtime.api;

import java.util.List;

/**
 * One step of the load order: every source object in a tier only references objects of earlier
 * tiers (or itself, through a {@link DeferredLookup}), so a tier's objects may load in parallel.
 *
 * @param number        0-based position in the load order
 * @param sourceObjects the source objects loaded in this tier, sorted by name
 */
public record LoadTier(int number, List<String> sourceObjects) {

  public LoadTier {
    if (number < 0) throw new IllegalArgumentException("tier number must be 0 or more: " + number);
    sourceObjects = sourceObjects.stream().sorted().toList();
  }
}
