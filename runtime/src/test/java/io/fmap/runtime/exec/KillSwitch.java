package io.fmap.runtime.exec;

import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.ledger.RecordKey;
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
 * Stops a run at its n-th side effect as {@code kill -9} would: from that point on every hook call
 * throws, so nothing more reaches the ledger or the target. Its {@link #target} wrapper adds a
 * kill point in the middle of every send (half the rows sent, the other half not), and records
 * what was sent, by ledger key.
 */
final class KillSwitch implements FaultHook {
  /** What the simulated kill throws. */
  static final class Killed extends RuntimeException {
    Killed() {
      super("killed by the test", null, false, false);
    }
  }

  private final int killAt;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean dead;
  final Set<RecordKey> sent = ConcurrentHashMap.newKeySet();

  /** @param killAt the side effect to die before, counted from 1; 0 never kills (counts only) */
  KillSwitch(int killAt) {
    this.killAt = killAt;
  }

  @Override
  public void before(Step step) {
    tick();
  }

  int calls() {
    return calls.get();
  }

  boolean killed() {
    return dead;
  }

  private void tick() {
    if (dead) throw new Killed();
    if (calls.incrementAndGet() == killAt) {
      dead = true;
      throw new Killed();
    }
  }

  TargetConnector target(TargetConnector delegate) {
    return new TargetConnector() {
      @Override
      public List<WriteResult> writeRows(String table, List<TargetRow> rows) throws IOException {
        List<WriteResult> results = new ArrayList<>(send(table, rows.subList(0, rows.size() / 2)));
        tick();
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
      public List<WriteResult> changeState(String table, List<TargetRow> rows) throws IOException {
        tick();
        return delegate.changeState(table, rows);
      }

      @Override
      public List<WriteResult> associate(String table, String nav, String otherTable,
          List<io.fmap.runtime.target.Link> links) throws IOException {
        tick();
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
