package io.fmap.runtime.api;

import java.util.Arrays;
import java.util.List;

/**
 * The plain columns one generated map can set, known when fmap compiles it: a generated class
 * declares them once ({@code RowColumns.of("emailaddress1", "firstname", ...)}) and passes them to
 * {@link TargetRow#builder(String, String, SourceRef, RowColumns)}.
 *
 * <p>Why: a row's columns are sorted by name, and sorting them per row (the builder sorted a dozen
 * names with {@code compareTo} for every record) was a tenth of the CPU time of a generated contact
 * transform, and the builder's growable arrays most of its bytes (JFR, bench/). With the columns
 * sorted once here, each {@code set} goes to its slot and the row shares the sorted names.
 */
public final class RowColumns {

  private final NameIndex sorted;

  private RowColumns(String[] names) {
    this.sorted = new NameIndex(names);
  }

  /** The columns in any order; each once. */
  public static RowColumns of(String... names) {
    String[] sorted = names.clone();
    Arrays.sort(sorted); // throws on a null name, as the row would
    return new RowColumns(sorted);
  }

  /** The columns, sorted by name. */
  public List<String> names() {
    return List.of(sorted.names());
  }

  NameIndex index() {
    return sorted;
  }
}
