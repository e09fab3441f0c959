package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.exec.LoadProgress;
import io.fmap.runtime.exec.RunSummary;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.schema.SystemSchema;
import java.util.Collection;

/**
 * {@code fmap sample} without the command line: select a slice, migrate it with the load executor
 * (a SAMPLE run in the ledger, rows upserted by the same keys as the full run), then diff it.
 * The caller writes the reports ({@link SampleDiff#toText}, {@link SampleDiff#toJson},
 * {@link SampleDiffHtml#write}) and owns every connector and the ledger.
 */
public final class SampleRun {

  /** What one sample did: what it picked, how the load went, and how the rows compare. */
  public record Result(SampleSelection selection, RunSummary load, SampleDiff diff) {}

  private final CompiledPlan plan;
  private final SourceConnector source;
  private final TargetConnector target;
  private final SystemSchema targetSchema;
  private final Ledger ledger;
  private LoadProgress progress = LoadProgress.NONE;

  public SampleRun(CompiledPlan plan, SourceConnector source, TargetConnector target, SystemSchema targetSchema,
      Ledger ledger) {
    this.plan = plan;
    this.source = source;
    this.target = target;
    this.targetSchema = targetSchema;
    this.ledger = ledger;
  }

  /** Reports each settled batch of the sample's load to {@code listener}; returns this run. */
  public SampleRun reportingTo(LoadProgress listener) {
    this.progress = listener;
    return this;
  }

  /**
   * @param size    records to pick ({@link SampleSelector#DEFAULT_SIZE} by default)
   * @param seed    the same seed picks the same records, so a corrected plan is checked on the same slice
   * @param options executor options; the mode is set to SAMPLE
   */
  public Result run(int size, long seed, OwnerResolver owners, Collection<SourceUser> sourceUsers,
      LoadExecutor.Options options) {
    SampleSelection selection = new SampleSelector(plan, source, options.clock()).select(size, seed);
    SampleSource slice = new SampleSource(source, selection, plan);
    RunSummary load = new LoadExecutor(plan, slice, target, targetSchema, ledger, owners, sourceUsers,
        options.withMode(RunMode.SAMPLE)).reportingTo(progress).run();
    SampleDiff diff = new SampleDiffer(plan, slice, target, targetSchema, ledger, options.clock()).diff(load.runId());
    return new Result(selection, load, diff);
  }
}
