package io.fmap.runtime.api;

import java.util.Arrays;
import java.util.List;

/**
 * The plain columns one generated map can set, known when fmap compiles it: a generated class
 * declares them once, in the order its statements set them ({@code RowColumns.of("subject",
 * "firstname", ...)}), and passes them to {@link TargetRow#builder(String, String, SourceRef, RowColumns)}.
 *
 * <p>Why: a row's columns are sorted by name, and sorting them per row (the builder sorted a dozen
 * names with {@code compareTo} for every record) was a tenth of the CPU time of a generated contact
 * transform, and the builder's growable arrays most of its bytes (JFR, bench/). With the columns
 * sorted once here, each {@code set} goes to its slot and the row shares the sorted names. And
 * because the statements set the columns in the order given, the builder expects each column in
 * turn and finds its slot without a search (the hash probe per {@code set} was a twentieth of the
 * transform's compute, JFR); a column set out of turn (a branch not taken) is searched for.
 */
public final class RowColumns {

  private final NameIndex sorted;
  /** The names in the order given; {@code slotOfTurn[k]} is the sorted slot of {@code inTurn[k]}. */
  private final String[] inTurn;
  private final int[] slotOfTurn;
  /** The inverse: the turn of each sorted slot. */
  private final int[] turnOfSlot;

  private RowColumns(String[] inTurn, String[] sortedNames) {
    this.sorted = new NameIndex(sortedNames); // refuses a name given twice
    this.inTurn = inTurn;
    this.slotOfTurn = new int[inTurn.length];
    this.turnOfSlot = new int[inTurn.length];
    for (int turn = 0; turn < inTurn.length; turn++) {
      int slot = sorted.indexOf(inTurn[turn]);
      slotOfTurn[turn] = slot;
      turnOfSlot[slot] = turn;
    }
  }

  /** The columns in the order the map sets them (any order is correct, that one is fastest); each once. */
  public static RowColumns of(String... names) {
    String[] inTurn = names.clone();
    String[] sorted = names.clone();
    Arrays.sort(sorted); // throws on a null name, as the row would
    return new RowColumns(inTurn, sorted);
  }

  /** The columns, sorted by name. */
  public List<String> names() {
    return List.of(sorted.names());
  }

  NameIndex index() {
    return sorted;
  }

  /**
   * The slot of {@code column}, expected as the one of turn {@code turn}; -1 when it is none of
   * these columns. The caller's next turn is {@link #turnOf} that slot, plus one.
   */
  int slotOf(String column, int turn) {
    // Generated code passes the very literal it declared: a reference comparison, no hash.
    if (turn < inTurn.length && inTurn[turn] == column) return slotOfTurn[turn];
    // A column left out ({@code ?? ignore} with nothing to set): its successor comes a turn early.
    if (turn + 1 < inTurn.length && inTurn[turn + 1] == column) return slotOfTurn[turn + 1];
    return column == null ? -1 : sorted.indexOf(column);
  }

  int turnOf(int slot) {
    return turnOfSlot[slot];
  }
}
