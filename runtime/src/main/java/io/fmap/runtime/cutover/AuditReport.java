package io.fmap.runtime.cutover;

import io.fmap.runtime.exec.ParentLoops;
import io.fmap.runtime.ledger.Checkpoint;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerAudit;
import io.fmap.runtime.ledger.LedgerException;
import io.fmap.runtime.ledger.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The audit log of a project ({@code fmap report}): every run the ledger knows, or one, with who ran
 * which plan, what it did per object, its errors by code, the waits the target imposed and its
 * rollback checkpoints. Built only from the ledger, so the same ledger always gives the same report.
 */
public record AuditReport(List<RunAudit> runs) {

  /** How many failed or quarantined records each error code shows as examples. */
  public static final int EXAMPLES_PER_CODE = 3;

  public AuditReport {
    runs = List.copyOf(runs);
  }

  /** One run and what it did. */
  public record RunAudit(Run run, List<LedgerAudit.ObjectCounts> counts, List<LedgerAudit.ErrorGroup> errors,
      LedgerAudit.ThrottleSummary throttle, List<Checkpoint> checkpoints) {

    public RunAudit {
      counts = List.copyOf(counts);
      errors = List.copyOf(errors);
      checkpoints = List.copyOf(checkpoints);
    }

    /**
     * Failed and quarantined records and writes in doubt: a run with any of them needs a look. Parent
     * links left out to break a loop are listed but are no problem ({@link ParentLoops#leftOutLinks}).
     */
    public boolean hasProblems() {
      return counts.stream().mapToLong(c -> c.failed() + c.quarantined() + c.inDoubt()).sum()
          > ParentLoops.leftOutLinks(errors);
    }
  }

  /**
   * Reads the report from the ledger (no lock: reading never blocks a running load).
   *
   * @param runId one run, or empty for every run, oldest first
   * @throws LedgerException naming the runs there are when the ledger has no such run
   */
  public static AuditReport read(Ledger ledger, OptionalLong runId) {
    List<Run> runs;
    if (runId.isPresent()) {
      runs = List.of(ledger.run(runId.getAsLong()).orElseThrow(() -> new LedgerException("the ledger "
          + ledger.location().redacted() + " has no run " + runId.getAsLong()
          + "; `fmap report` without --run lists the runs it has")));
    } else {
      runs = ledger.runs();
    }
    List<RunAudit> audits = new ArrayList<>();
    LedgerAudit audit = ledger.audit();
    for (Run run : runs) {
      audits.add(new RunAudit(run, audit.counts(run.id()), audit.errorsByCode(run.id(), EXAMPLES_PER_CODE),
          audit.throttle(run.id()), audit.checkpoints(run.id())));
    }
    return new AuditReport(audits);
  }

  /** True when some run has failed, quarantined or in-doubt records (the CLI's exit 1). */
  public boolean hasProblems() {
    return runs.stream().anyMatch(RunAudit::hasProblems);
  }
}
