package io.fmap.runtime.exec;

import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.RecordKey;
import io.fmap.runtime.target.CurrentRow;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.runtime.target.WriteResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Stops a run at a chosen side effect as {@code kill -9} would: from that point on every hook call
 * throws, so nothing more reaches the ledger or the target. Its {@link #target} wrapper adds a
 * kill point in the middle of every send (half the rows sent, the other half not), and records
 * what was sent, by ledger key.
 *
 * <p>A kill point is "the n-th time the run reaches a point of this kind": with batches written in
 * parallel the order of side effects differs between runs, the n-th of a kind does not.
 */
final class KillSwitch implements FaultHook {
  /** Where a run can be killed: the executor's hook steps, and the middle of a send. */
  enum Point {
    INTEND, SEND, MID_SEND, SETTLE, SET_ASIDE, CHECKPOINT, FINISH;

    static Point of(Step step) {
      return valueOf(step.name());
    }
  }

  /** What the simulated kill throws. */
  static final class Killed extends RuntimeException {
    Killed() {
      super("killed by the test", null, false, false);
    }
  }

  private final Point killAt;
  private final int occurrence;
  private final Map<Point, AtomicInteger> reached = new ConcurrentHashMap<>();
  private volatile boolean dead;
  final Set<RecordKey> sent = ConcurrentHashMap.newKeySet();

  /**
   * @param killAt     the kind of point to die at, null to never kill (count only)
   * @param occurrence the how-many-th point of that kind, counted from 1
   */
  KillSwitch(Point killAt, int occurrence) {
    this.killAt = killAt;
    this.occurrence = occurrence;
  }

  /** Never kills: counts the points a run reaches. */
  static KillSwitch counting() {
    return new KillSwitch(null, 0);
  }

  @Override
  public void before(Step step) {
    tick(Point.of(step));
  }

  /** How many points of a kind the run reached. */
  int reached(Point point) {
    AtomicInteger n = reached.get(point);
    return n == null ? 0 : n.get();
  }

  boolean killed() {
    return dead;
  }

  private void tick(Point point) {
    if (dead) throw new Killed();
    int n = reached.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
    if (point == killAt && n == occurrence) {
      dead = true;
      throw new Killed();
    }
  }

  TargetConnector target(TargetConnector delegate) {
    return new TargetConnector() {
      @Override
      public List<WriteResult> writeRows(String table, List<TargetRow> rows) throws IOException {
        List<WriteResult> results = new ArrayList<>(send(table, rows.subList(0, rows.size() / 2)));
        tick(Point.MID_SEND);
        results.addAll(send(table, rows.subList(rows.size() / 2, rows.size())));
        return results;
      }

      private List<WriteResult> send(String table, List<TargetRow> rows) throws IOException {
        if (rows.isEmpty()) return List.of();
        rows.forEach(r -> sent.add(keyOf(r)));
        return delegate.writeRows(table, rows);
      }

      @Override
      public List<WriteResult> write(String table, List<RowWrite> rows) throws IOException {
        throw new UnsupportedOperationException("the executor writes mapped rows through writeRows");
      }

      @Override
      public List<java.util.Optional<CurrentRow>> current(String table, List<TargetRow> rows) throws IOException {
        return delegate.current(table, rows);
      }

      @Override
      public Map<java.util.UUID, CurrentRow> rows(String table, List<java.util.UUID> ids, List<String> columns)
          throws IOException {
        return delegate.rows(table, ids, columns);
      }

      @Override
      public List<WriteResult> changeState(String table, List<TargetRow> rows) throws IOException {
        if (dead) throw new Killed(); // kill points are counted per executor step (Point)
        return delegate.changeState(table, rows);
      }

      @Override
      public List<WriteResult> associate(String table, String nav, String otherTable,
          List<io.fmap.runtime.target.Link> links) throws IOException {
        if (dead) throw new Killed(); // kill points are counted per executor step (Point), not per link
        return delegate.associate(table, nav, otherTable, links);
      }

      @Override
      public long count(String table) throws IOException {
        return delegate.count(table);
      }

      @Override
      public void read(String table, List<String> columns, String filter, Consumer<Map<String, Object>> sink)
          throws IOException {
        delegate.read(table, columns, filter, sink);
      }

      @Override
      public void close() {
        delegate.close();
      }
    };
  }

  /** The ledger key of a row: a second-pass lookup update carries nothing but lookups. */
  private static RecordKey keyOf(TargetRow row) {
    boolean lookupsOnly = row.columns().isEmpty() && row.owner() == null && row.parties().isEmpty();
    String object = row.source().object() + (lookupsOnly ? BatchWriter.LOOKUPS_SUFFIX : "");
    return new RecordKey(object, row.source().id(), row.table());
  }
}
