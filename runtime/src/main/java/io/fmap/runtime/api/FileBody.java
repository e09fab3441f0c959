package io.fmap.runtime.api;

import java.util.Objects;

/**
 * A column that takes the body of a source file ({@code documentbody = content}): records do not
 * carry file bodies (the export keeps them apart), so the load reads each body from the source
 * once every row exists, one file at a time, and writes it to the row its map made.
 *
 * @param map      the map whose rows carry the column ({@link MapTransform#id()})
 * @param column   the target column ({@code documentbody}, Base64 on the wire)
 * @param location the {@code .fmap} line assigning it
 */
public record FileBody(String map, String column, FmapLocation location) {

  public FileBody {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(location, "location");
  }
}
