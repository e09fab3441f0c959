package io.fmap.cli;

import io.fmap.runtime.exec.LoadExecutor;
import io.fmap.runtime.exec.sample.SampleRun;
import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.WriterLock;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample step of the demo: the sample engine run the way the data verbs run the load, with the
 * project's own connectors, owners and ledger (a SAMPLE run the full load later upserts over).
 * There is no {@code fmap sample} verb on this branch yet, so the demo drives {@link SampleRun} itself.
 */
final class DemoSample {
  private DemoSample() {}

  static SampleRun.Result run(Path projectDir, int size, long seed) throws VerbStop, IOException {
    DataVerbOptions options = new DataVerbOptions();
    options.project = projectDir;
    DataProject project;
    try {
      project = options.resolve();
    } catch (DataVerbOptions.Unusable e) {
      throw VerbStop.usage(e.getMessage());
    }
    ApprovedPlan.Result approved = ApprovedPlan.load(project.dir());
    if (approved instanceof ApprovedPlan.Result.Refused refused) throw VerbStop.blocked(refused.message());
    ApprovedPlan.Result.Ready plan = (ApprovedPlan.Result.Ready) approved;
    String who = CutoverProject.who();
    try (Ledger ledger = Ledger.open(project.ledger());
         WriterLock lock = ledger.lockForWriting("fmap demo sample (pid " + ProcessHandle.current().pid() + ", " + who + ")");
         SourceConnector source = openSource(project);
         TargetConnector target = project.openTarget(plan.targetSchema())) {
      List<SourceUser> users = DataProject.sourceUsers(source);
      return new SampleRun(plan.plan(), source, target, plan.targetSchema(), ledger)
          .run(size, seed, project.owners(users, target), users, LoadExecutor.Options.full(who));
    }
  }

  private static SourceConnector openSource(DataProject project) throws VerbStop {
    try {
      return project.openSource();
    } catch (DataVerbOptions.Unusable e) {
      throw VerbStop.usage(e.getMessage());
    }
  }
}
