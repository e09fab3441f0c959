package io.fmap.runtime.api;

import java.util.Objects;

/**
 * A lookup loaded in a second pass: a self-reference (account parent) or the optional edge that
 * breaks a cycle. The first pass writes rows without it ({@link TargetRow#withoutLookups}), the
 * second updates only it ({@link TargetRow#onlyLookups}) once every referenced row exists.
 *
 * @param map      the map whose rows carry the lookup ({@link MapTransform#id()})
 * @param column   the lookup column
 * @param location the {@code .fmap} line assigning it
 */
public record DeferredLookup(String map, String column, FmapLocation location) {

  public DeferredLookup {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(location, "location");
  }
}
