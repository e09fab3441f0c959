package io.fmap.runtime.exec;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.ledger.Checkpoint;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerAudit;
import io.fmap.runtime.ledger.Run;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Runs a {@link CompiledPlan} from a source into a target: tier by tier in the plan's order, the
 * objects of a tier in parallel, each object streamed in batches (memory bounded by batch size ×
 * batches in flight, never by the number of records), then the deferred lookups in a second pass.
 * Every write goes through the ledger's write-ahead protocol.
 *
 * <p>Resume: when the ledger holds an unfinished run of the same plan and mode, {@link #run()}
 * continues it. Rows that landed in it are not sent again; rows in doubt (announced, never answered)
 * are sent again, which is safe because rows are upserted by alternate key or by an id derived from
 * the source record — a repeated write lands on the same row.
 */
public final class LoadExecutor {

  /**
   * How a run is carried out.
   *
   * @param batchSize        records per batch: one ledger commit per step and batch
   * @param parallelism      batches written at once (the connector splits each further into requests)
   */
  public record Options(RunMode mode, String who, int batchSize, int parallelism, Clock clock,
      FaultHook hook) {

    public Options {
      if (mode != RunMode.FULL && mode != RunMode.SAMPLE && mode != RunMode.DELTA) {
        throw new IllegalArgumentException("the load executor runs full, sample and delta runs, not " + mode);
      }
      if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
      if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
    }

    public static Options full(String who) {
      return new Options(RunMode.FULL, who, 500, 4, Clock.systemUTC(), FaultHook.NONE);
    }

    public Options withBatchSize(int size) {
      return new Options(mode, who, size, parallelism, clock, hook);
    }

    public Options withParallelism(int n) {
      return new Options(mode, who, batchSize, n, clock, hook);
    }

    public Options withHook(FaultHook h) {
      return new Options(mode, who, batchSize, parallelism, clock, h);
    }

    public Options withMode(RunMode m) {
      return new Options(m, who, batchSize, parallelism, clock, hook);
    }
  }

  private final CompiledPlan plan;
  private final SourceConnector source;
  private final TargetConnector target;
  private final SystemSchema targetSchema;
  private final Ledger ledger;
  private final Owners owners;
  private final Options options;
  private final Map<String, LongAdder> read = new ConcurrentHashMap<>();
  private final ReadWatermarks watermarks = new ReadWatermarks();
  private volatile LoadProgress progress = LoadProgress.NONE;

  public LoadExecutor(CompiledPlan plan, SourceConnector source, TargetConnector target, SystemSchema targetSchema,
      Ledger ledger, OwnerResolver ownerResolver, Collection<SourceUser> sourceUsers, Options options) {
    this.plan = plan;
    this.source = source;
    this.target = target;
    this.targetSchema = targetSchema;
    this.ledger = ledger;
    this.owners = new Owners(ownerResolver, sourceUsers);
    this.options = options;
  }

  /** Reports each settled batch of the run to {@code listener}; returns this executor. */
  public LoadExecutor reportingTo(LoadProgress listener) {
    this.progress = listener;
    return this;
  }

  /**
   * Loads the plan, or finishes the interrupted run of it.
   *
   * @throws LoadException when the target or the source fails beyond retries; the run stays open
   *                       and the next call resumes it
   */
  public RunSummary run() {
    Instant started = options.clock().instant();
    Optional<Run> unfinished = ledger.unfinishedRuns().stream()
        .filter(r -> r.planHash().equals(plan.hash()) && r.mode() == options.mode())
        .reduce((first, second) -> second);
    Run run = unfinished.orElseGet(() -> ledger.startRun(options.mode(), options.who(), plan.hash()));
    RunContext context = new RunContext(plan, ledger, owners,
        new SourceLookups(source.whole()), new PartyDirectory(target), options.clock());
    BatchWriter writer = new BatchWriter(plan, source, context, ledger, target, targetSchema, owners, options.hook(),
        run.id());
    ExecutorService workers = Executors.newFixedThreadPool(options.parallelism(), daemon("fmap-load"));
    try {
      for (LoadTier tier : plan.tiers()) {
        loadTier(run.id(), tier.sourceObjects(), writer, BatchWriter.Pass.ROWS, workers);
        checkpoint(run.id(), "after tier " + tier.number());
      }
      Set<String> twoPass = objectsWithDeferredLookups();
      writer.leaveOut(parentLoops(run.id(), context, twoPass));
      for (LoadTier tier : plan.tiers()) {
        List<String> objects = tier.sourceObjects().stream().filter(twoPass::contains).toList();
        if (!objects.isEmpty()) loadTier(run.id(), objects, writer, BatchWriter.Pass.LOOKUPS, workers);
      }
      Set<String> stateful = objectsWithStateChanges();
      for (LoadTier tier : plan.tiers()) {
        List<String> objects = tier.sourceObjects().stream().filter(stateful::contains).toList();
        if (!objects.isEmpty()) loadTier(run.id(), objects, writer, BatchWriter.Pass.STATES, workers);
      }
      associate(run.id());
      Set<String> withFiles = objectsWithFileBodies();
      for (LoadTier tier : plan.tiers()) {
        List<String> objects = tier.sourceObjects().stream().filter(withFiles::contains).toList();
        if (!objects.isEmpty()) loadTier(run.id(), objects, writer, BatchWriter.Pass.FILES, workers);
      }
      options.hook().before(FaultHook.Step.FINISH);
      // A full load read every record: the first delta after it starts from there. A delta pass sets
      // its own (Delta holds some objects' watermarks back); a sample read only part of the source.
      if (options.mode() == RunMode.FULL) watermarks.record(ledger, run.id(), run.startedAt());
      ledger.finishRun(run.id(), RunStatus.COMPLETED);
    } finally {
      workers.shutdownNow();
    }
    return summary(run.id(), unfinished.isPresent(), Duration.between(started, options.clock().instant()));
  }

  /**
   * The second pass's links that would close a hierarchy loop, over every link of the run and the
   * target's: read before the pass writes any of them.
   */
  private ParentLoops parentLoops(long runId, RunContext context, Set<String> twoPass) {
    if (twoPass.isEmpty()) return ParentLoops.NONE;
    try {
      return ParentLoops.find(plan, source, context, ledger, target, targetSchema, twoPass, options.batchSize());
    } catch (IOException | RuntimeException e) {
      throw new LoadException(runId, "run " + runId + " stopped while looking for parent loops: " + e.getMessage()
          + "; run the same command again to resume it", e);
    }
  }

  /** Many-to-many links last: every row they join has been written by then. */
  private void associate(long runId) {
    AssociationPass links = new AssociationPass(ledger, source, target, options.hook(), options.batchSize(), runId);
    for (io.fmap.runtime.api.Association association : plan.associations()) {
      try {
        links.run(association);
      } catch (IOException | RuntimeException e) {
        throw new LoadException(runId, "run " + runId + " stopped while linking " + association.relationship() + ": "
            + e.getMessage() + "; run the same command again to resume it", e);
      }
    }
  }

  private Set<String> objectsWithFileBodies() {
    Set<String> objects = new TreeSet<>();
    plan.fileBodies().forEach(f -> plan.map(f.map()).ifPresent(m -> objects.add(m.sourceObject())));
    return objects;
  }

  private Set<String> objectsWithStateChanges() {
    Set<String> objects = new TreeSet<>();
    plan.stateChanges().forEach(s -> plan.map(s.map()).ifPresent(m -> objects.add(m.sourceObject())));
    return objects;
  }

  private Set<String> objectsWithDeferredLookups() {
    Set<String> objects = new TreeSet<>();
    plan.deferredLookups().forEach(d -> plan.map(d.map()).ifPresent(m -> objects.add(m.sourceObject())));
    return objects;
  }

  private void checkpoint(long runId, String label) {
    boolean taken = ledger.checkpoints().stream().map(Checkpoint::label)
        .anyMatch(l -> l.equals(label + " of run " + runId));
    if (taken) return; // a resumed run already passed this point
    options.hook().before(FaultHook.Step.CHECKPOINT);
    ledger.checkpoint(runId, label + " of run " + runId);
  }

  /** The objects of one tier at once; returns when every batch of every object is settled. */
  private void loadTier(long runId, List<String> objects, BatchWriter writer, BatchWriter.Pass pass,
      ExecutorService workers) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Semaphore inFlight = new Semaphore(options.parallelism() * 2);
    List<Future<?>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService readers = Executors.newFixedThreadPool(objects.size(), daemon("fmap-read"));
    try {
      List<Future<?>> reading = new ArrayList<>();
      for (String object : objects) {
        reading.add(readers.submit(() -> {
          readObject(object, writer, pass, workers, inFlight, batches, failure);
          return null;
        }));
      }
      for (Future<?> f : reading) await(f, failure);
      for (int i = 0; i < batches.size(); i++) await(batches.get(i), failure);
    } finally {
      readers.shutdownNow();
    }
    Throwable first = failure.get();
    if (first != null) {
      throw new LoadException(runId, "run " + runId + " stopped: " + first.getMessage()
          + "; run the same command again to resume it", first);
    }
  }

  private void readObject(String object, BatchWriter writer, BatchWriter.Pass pass, ExecutorService workers,
      Semaphore inFlight, List<Future<?>> batches, AtomicReference<Throwable> failure) throws InterruptedException {
    LongAdder count = read.computeIfAbsent(object, o -> new LongAdder());
    try (Stream<SourceRecord> records = source.records(object, null, bad -> {
      if (pass == BatchWriter.Pass.ROWS) writer.malformed(bad);
    })) {
      Iterator<SourceRecord> it = records.iterator();
      int size = options.batchSize();
      while (it.hasNext() && failure.get() == null) {
        List<SourceRecord> batch = new ArrayList<>(size);
        while (it.hasNext() && batch.size() < size) {
          SourceRecord record = it.next();
          if (pass == BatchWriter.Pass.ROWS) watermarks.saw(object, record);
          batch.add(record);
        }
        if (pass == BatchWriter.Pass.ROWS) count.add(batch.size());
        inFlight.acquire();
        try {
          batches.add(workers.submit(() -> {
            try {
              if (failure.get() == null) {
                writer.write(batch, pass);
                if (pass == BatchWriter.Pass.ROWS) progress.settled(object, batch.size());
              }
            } catch (IOException | RuntimeException e) {
              failure.compareAndSet(null, e);
            } finally {
              inFlight.release();
            }
          }));
        } catch (RuntimeException rejected) {
          inFlight.release();
          throw rejected;
        }
      }
    }
  }

  private static void await(Future<?> future, AtomicReference<Throwable> failure) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    } catch (ExecutionException e) {
      failure.compareAndSet(null, e.getCause());
    }
  }

  private RunSummary summary(long runId, boolean resumed, Duration elapsed) {
    Map<String, List<ObjectSummary>> byObject = new LinkedHashMap<>();
    for (LedgerAudit.ObjectCounts c : ledger.audit().counts(runId)) {
      long records = Optional.ofNullable(read.get(c.sourceObject())).map(LongAdder::sum).orElse(0L);
      byObject.computeIfAbsent(c.sourceObject(), o -> new ArrayList<>()).add(new ObjectSummary(c.sourceObject(),
          c.targetTable(), records, c.created(), c.updated(), c.skipped(), c.failed(), c.quarantined(), c.inDoubt()));
    }
    read.forEach((object, records) -> byObject.computeIfAbsent(object, o -> List.of(
        new ObjectSummary(o, "-", records.sum(), 0, 0, 0, 0, 0, 0))));
    List<ObjectSummary> all = new ArrayList<>();
    new java.util.TreeMap<>(byObject).values().forEach(all::addAll);
    return new RunSummary(runId, resumed, all, ledger.audit().errorsByCode(runId, 3), elapsed);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
