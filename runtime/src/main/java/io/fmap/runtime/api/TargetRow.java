package io.fmap.runtime.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * One row to write to the target, as a map made it from one source record: everything the
 * connector needs for an upsert, the ledger needs to record it and the diff needs to compare it.
 *
 * <p>Columns and lookups are sorted by column name, parties keep the order the mapping gave them,
 * so that the same record always yields an equal row and the same bytes on the wire.
 *
 * @param map     id of the map that made the row ({@link MapTransform#id()})
 * @param table   target table logical name ({@code contact})
 * @param source  the source record it came from
 * @param key     how the row is upserted: its alternate key (or its GUID, once the ledger knows it)
 * @param columns plain column values by logical name; a present column with a null value clears
 *                it, an absent column is left untouched. Values are {@code String}, {@code Long},
 *                {@code Integer} (an option value), {@code BigDecimal}, {@code Boolean},
 *                {@code LocalDate}, {@code Instant} or {@code List<Integer>} (several options).
 * @param lookups lookup columns by logical name ({@code parentcustomerid}), each bound through
 *                its navigation property
 * @param owner   the owning user or team; null for tables without an owner
 * @param parties email, phone call and appointment participants, in mapping order
 */
public record TargetRow(String map, String table, SourceRef source, TargetKey key,
                        SortedMap<String, Object> columns, SortedMap<String, TargetRef> lookups,
                        TargetRef owner, List<ActivityParty> parties) {

  public TargetRow {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(key, "key");
    // Immutable and sorted, null values (explicit clears) kept; the builder's maps are taken as they are.
    SortedArrayMap<Object> sortedColumns = SortedArrayMap.copyOf(columns);
    for (int i = 0; i < sortedColumns.size(); i++) requireColumnValue(sortedColumns.keyAt(i), sortedColumns.valueAt(i));
    SortedArrayMap<TargetRef> sortedLookups = SortedArrayMap.copyOf(lookups);
    String unbound = sortedLookups.firstKeyOfNull();
    if (unbound != null) throw new NullPointerException("lookup " + unbound);
    columns = sortedColumns;
    lookups = sortedLookups;
    parties = List.copyOf(parties);
  }

  public static Builder builder(String map, String table, SourceRef source) {
    return new Builder(map, table, source, null);
  }

  /**
   * A builder for a map whose plain columns are known in advance, as generated code knows them:
   * each {@code set} goes to its slot instead of being sorted in at {@code build()}, and a column
   * not among {@code columns} is refused.
   */
  public static Builder builder(String map, String table, SourceRef source, RowColumns columns) {
    return new Builder(map, table, source, Objects.requireNonNull(columns, "columns"));
  }

  /**
   * The row without some lookups: the first pass of a two-pass load (self-references, cycles
   * broken at an optional lookup) creates the row before the rows those lookups point to exist.
   */
  public TargetRow withoutLookups(Set<String> deferred) {
    if (deferred.isEmpty()) return this;
    return new TargetRow(map, table, source, key, columns,
        SortedArrayMap.copyOf(lookups).filterKeys(column -> !deferred.contains(column)), owner, parties);
  }

  /** Only the given lookups, nothing else: the second pass's update of a two-pass load. */
  public TargetRow onlyLookups(Set<String> deferred) {
    return new TargetRow(map, table, source, key, SortedArrayMap.empty(),
        SortedArrayMap.copyOf(lookups).filterKeys(deferred::contains), null, List.of());
  }

  private static void requireColumnValue(String column, Object value) {
    boolean supported = value == null || value instanceof String || value instanceof Long
        || value instanceof Integer || value instanceof BigDecimal || value instanceof Boolean
        || value instanceof LocalDate || value instanceof Instant || isOptionList(value);
    if (!supported) {
      throw new IllegalArgumentException("column " + column + " has a value of unsupported type "
          + value.getClass().getName());
    }
  }

  private static boolean isOptionList(Object value) {
    return value instanceof List<?> list && list.stream().allMatch(Integer.class::isInstance);
  }

  /**
   * Collects a row statement by statement, as generated code assigns fields. Not thread-safe; makes
   * one row: {@link #build()} sorts what was set once and hands it to the row without a copy.
   */
  public static final class Builder {
    private final String map;
    private final String table;
    private final SourceRef source;
    private TargetKey key;
    // Exactly one of the two: slots when the map declared its columns, else a map sorted at build().
    // Sized for a typical map (a dozen columns); it grows when a map sets more.
    private final SortedArrayMap.SlotBuilder<Object> slots;
    private final SortedArrayMap.Builder<Object> columns;
    // Most rows bind one lookup or none: the first is held here, a map is made for a second.
    private String onlyLookup;
    private TargetRef onlyLookupRef;
    private SortedArrayMap.Builder<TargetRef> lookups;
    private TargetRef owner;
    private List<ActivityParty> parties; // most rows have none: made on the first party
    private boolean built;

    private Builder(String map, String table, SourceRef source, RowColumns declared) {
      this.map = map;
      this.table = table;
      this.source = source;
      this.slots = declared == null ? null : new SortedArrayMap.SlotBuilder<>(declared);
      this.columns = declared == null ? new SortedArrayMap.Builder<>(16) : null;
    }

    public Builder key(TargetKey value) {
      this.key = value;
      return this;
    }

    /** Sets a column; null clears it on the target. */
    public Builder set(String column, Object value) {
      open();
      if (slots != null) slots.put(column, value);
      else columns.put(column, value);
      return this;
    }

    /** Sets a column only when the value is not null ({@code ?? ignore}). */
    public Builder setIfPresent(String column, Object value) {
      return value == null ? open() : set(column, value);
    }

    /** Binds a lookup column; a null reference leaves it unset. */
    public Builder lookup(String column, TargetRef ref) {
      open();
      if (ref == null) return this;
      Objects.requireNonNull(column, "column");
      if (onlyLookup == null) {
        onlyLookup = column;
        onlyLookupRef = ref;
      } else {
        if (lookups == null) lookups = new SortedArrayMap.Builder<TargetRef>(4).put(onlyLookup, onlyLookupRef);
        lookups.put(column, ref);
      }
      return this;
    }

    public Builder owner(TargetRef value) {
      this.owner = value;
      return this;
    }

    public Builder party(ActivityParty party) {
      if (parties == null) parties = new ArrayList<>();
      parties.add(Objects.requireNonNull(party, "party"));
      return this;
    }

    /** Adds participants in the order given ({@code party} lines of the map, in source order). */
    public Builder parties(List<ActivityParty> added) {
      for (ActivityParty p : added) party(p);
      return this;
    }

    /**
     * The finished row. A map without a {@code key} line gets {@link TargetKey#derivedId}, so that
     * a rerun still upserts the same row instead of creating a second one.
     */
    public TargetRow build() {
      TargetKey rowKey = key != null ? key : TargetKey.derivedId(table, source);
      open();
      built = true;
      SortedArrayMap<TargetRef> bound = lookups != null ? lookups.build()
          : onlyLookup != null ? SortedArrayMap.of(onlyLookup, onlyLookupRef) : SortedArrayMap.empty();
      return new TargetRow(map, table, source, rowKey, slots != null ? slots.build() : columns.build(),
          bound, owner, parties == null ? List.of() : parties);
    }

    private Builder open() {
      if (built) throw new IllegalStateException("this builder already built its row (" + table + ")");
      return this;
    }
  }
}
