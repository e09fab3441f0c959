package io.fmap.runtime.api;

import java.util.Objects;

/**
 * A state column a map writes after the load ({@code statecode}, and the {@code statuscode} that goes
 * with it): Dataverse creates rows open and refuses a state on create, so the first pass writes the
 * row without it and the state pass moves it (closing an activity, winning or losing an opportunity)
 * once every row exists.
 *
 * @param map      the map whose rows carry the column ({@link MapTransform#id()})
 * @param column   {@code statecode} or {@code statuscode}
 * @param location the {@code .fmap} line assigning it
 */
public record StateChange(String map, String column, FmapLocation location) {

  /** The column that holds the state itself; a status reason alone is written on create. */
  public static final String STATE_COLUMN = "statecode";
  /** The status reason, which goes with the state: a state written without it gets the state's default. */
  public static final String STATUS_COLUMN = "statuscode";

  public StateChange {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(location, "location");
  }
}
