package io.fmap.runtime.source;

import io.fmap.runtime.api.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads independent objects (those no lookup ties together in one tier) at the same time, one
 * thread per object up to a bound. The sink and the quarantine are called from several threads.
 */
public final class ParallelReads {
  private ParallelReads() {}

  /**
   * @return records read per object, sorted by object name
   * @throws SourceException the first failure of any object, after the others are stopped
   */
  public static Map<String, Long> readAll(SourceConnector source, List<String> objects, Instant updatedSince,
      int threads, Duration timeout, BiConsumer<String, SourceRecord> sink, Consumer<MalformedRecord> quarantine) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, objects.size())), r -> {
      Thread t = new Thread(r, "fmap-source-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (String object : objects) {
        futures.add(pool.submit(() -> {
          long n = 0;
          try (Stream<SourceRecord> records = source.records(object, updatedSince, quarantine)) {
            for (var it = records.iterator(); it.hasNext(); n++) {
              if (Thread.currentThread().isInterrupted()) throw new SourceException("reading " + object + " was stopped");
              sink.accept(object, it.next());
            }
          }
          return n;
        }));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      Map<String, Long> counts = new TreeMap<>();
      for (int i = 0; i < objects.size(); i++) {
        counts.put(objects.get(i), await(futures.get(i), objects.get(i), deadline, timeout));
      }
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long await(Future<Long> future, String object, long deadline, Duration timeout) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SourceException se) throw se;
      throw new SourceException("reading " + object + " failed: " + cause, cause);
    } catch (TimeoutException e) {
      throw new SourceException("reading the source took longer than " + timeout + "; raise the read timeout in fmap.yaml");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("reading " + object + " was interrupted", e);
    }
  }
}
