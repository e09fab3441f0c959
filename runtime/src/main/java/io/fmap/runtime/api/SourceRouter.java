package io.fmap.runtime.api;

import java.util.List;

/**
 * For one source object, decides which of its maps a record goes through ({@code when} /
 * {@code otherwise}). Generated, one per source object; stateless and thread-safe.
 */
public interface SourceRouter {

  /** The source object whose records this router routes ({@code Contact}). */
  String sourceObject();

  /** Every map of this object, in declaration order. */
  List<MapTransform> maps();

  /**
   * The maps this record goes through, in declaration order; empty when no condition matches and
   * there is no {@code otherwise} (the record is reported as {@link MappingError.Code#NO_ROUTE}).
   */
  List<MapTransform> route(SourceRecord record, MappingContext context);
}
