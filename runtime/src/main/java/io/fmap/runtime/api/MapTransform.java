package io.fmap.runtime.api;

/**
 * One compiled {@code map SOURCE -> TARGET { ... }}: generated code, one class per map.
 *
 * <p>Implementations are stateless and thread-safe: the executor calls {@link #apply} from several
 * threads at once. They report bad data as a {@link MapResult.Failed} or by throwing
 * {@link MappingException}; any other exception is a bug the plan reports with its {@code .fmap} line.
 */
public interface MapTransform {

  /** Stable identity of the map in plans, ledgers and reports ({@code Contact->lead}). */
  String id();

  /** The source object this map reads ({@code Contact}). */
  String sourceObject();

  /** The target table this map writes ({@code lead}). */
  String targetTable();

  /** Where the map is declared. */
  FmapLocation location();

  MapResult apply(SourceRecord record, MappingContext context);
}
