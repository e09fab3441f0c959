package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.schema.AlternateKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Rows per table plus the metadata catalog, behind one read-write lock. Writes run in a
 * transaction: a change set or a bulk message joins the surrounding one, and any failure puts
 * every replaced row back, which is how change sets and CreateMultiple stay all-or-nothing.
 */
final class Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // Concurrent maps: readers (under the read lock) may create an empty table entry or a key index lazily.
  private final Map<String, TableRows> tables = new java.util.concurrent.ConcurrentHashMap<>();
  /** The open transaction; only the thread holding the write lock reads or sets it. */
  private Tx current;
  private final AtomicLong versions = new AtomicLong(1000);
  private Catalog catalog;
  /** See {@link DataverseEmulator#refuseHierarchyLoops}. */
  volatile boolean refuseHierarchyLoops = true;

  Store(Catalog catalog) { this.catalog = catalog; }

  <T> T read(Function<Store, T> work) {
    lock.readLock().lock();
    try {
      return work.apply(this);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs work in a transaction, or inside the caller's transaction when there is one. */
  <T> T write(Function<Tx, T> work) {
    lock.writeLock().lock();
    try {
      // A nested write (a change set's parts, a bulk message's targets) joins the open transaction.
      if (current != null) return work.apply(current);
      Tx tx = new Tx();
      current = tx;
      try {
        return work.apply(tx);
      } catch (RuntimeException | Error e) {
        tx.rollback();
        throw e;
      } finally {
        current = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  void writeVoid(java.util.function.Consumer<Tx> work) { write(tx -> { work.accept(tx); return null; }); }

  Catalog catalog() { return catalog; }

  void replaceAll(Catalog newCatalog) {
    writeVoid(tx -> {
      catalog = newCatalog;
      tables.clear();
    });
  }

  long nextVersion() { return versions.incrementAndGet(); }

  TableRows rows(String table) { return tables.computeIfAbsent(table, t -> new TableRows()); }

  Optional<Row> get(String table, UUID id) {
    TableRows r = tables.get(table);
    return r == null ? Optional.empty() : Optional.ofNullable(r.rows.get(id));
  }

  Map<String, Integer> counts() {
    Map<String, Integer> out = new TreeMap<>();
    tables.forEach((name, rows) -> { if (!rows.rows.isEmpty()) out.put(name, rows.rows.size()); });
    return out;
  }

  List<Row> all(String table) {
    TableRows r = tables.get(table);
    return r == null ? List.of() : List.copyOf(r.rows.values());
  }

  /** Forgets every row of a table whose definition was deleted (metadata changes are not transactional). */
  void dropRows(String table) {
    tables.remove(table);
  }

  /** Rows of one table in creation order, with one index per active alternate key. */
  final class TableRows {
    final LinkedHashMap<UUID, Row> rows = new LinkedHashMap<>();
    final Map<String, Map<List<String>, UUID>> keyIndex = new java.util.concurrent.ConcurrentHashMap<>();

    Optional<UUID> byKey(AlternateKey key, List<String> values) {
      return Optional.ofNullable(index(key).get(values));
    }

    private Map<List<String>, UUID> index(AlternateKey key) {
      return keyIndex.computeIfAbsent(key.name(), k -> {
        Map<List<String>, UUID> idx = new HashMap<>();
        for (Row r : rows.values()) keyValues(key, r).ifPresent(v -> idx.put(v, r.id()));
        return idx;
      });
    }

    void dropIndex(String keyName) { keyIndex.remove(keyName); }
  }

  /**
   * The values of a key for a row, normalised the way SQL Server compares them (case-insensitive
   * text); empty when a key column is null, because such rows are not in the unique index.
   */
  static Optional<List<String>> keyValues(AlternateKey key, Row row) {
    List<String> out = new ArrayList<>();
    for (String c : key.columns()) {
      JsonNode v = row.get(c);
      if (v == null || v.isNull()) return Optional.empty();
      out.add(normalise(v));
    }
    return Optional.of(out);
  }

  static String normalise(JsonNode v) {
    return v.isTextual() ? v.asText().toLowerCase(Locale.ROOT) : v.asText();
  }

  /** Writes of one transaction, undone in reverse on failure. */
  final class Tx {
    private record Undo(String table, UUID id, Row before) {}

    /** Sized for the usual transaction, one row: a change set or bulk message grows it. */
    private final Deque<Undo> undo = new ArrayDeque<>(2);

    void put(Row row) {
      TableRows t = rows(row.table());
      undo.push(new Undo(row.table(), row.id(), t.rows.get(row.id())));
      apply(t, row.id(), row);
    }

    void remove(String table, UUID id) {
      TableRows t = rows(table);
      Row before = t.rows.get(id);
      if (before == null) return;
      undo.push(new Undo(table, id, before));
      apply(t, id, null);
    }

    private void apply(TableRows t, UUID id, Row after) {
      Row before = t.rows.get(id);
      for (AlternateKey key : catalog.activeKeys(after != null ? after.table() : before.table())) {
        Map<List<String>, UUID> idx = t.index(key);
        if (before != null) keyValues(key, before).ifPresent(v -> idx.remove(v, id));
        if (after != null) keyValues(key, after).ifPresent(v -> idx.put(v, id));
      }
      if (after == null) t.rows.remove(id);
      else t.rows.put(id, after);
    }

    void rollback() {
      while (!undo.isEmpty()) {
        Undo u = undo.pop();
        apply(rows(u.table()), u.id(), u.before());
      }
    }
  }
}
