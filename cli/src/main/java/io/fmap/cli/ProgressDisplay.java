package io.fmap.cli;

import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.target.TargetConnector;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A {@link ProgressRenderer} on the wall clock with a timer that redraws it even while no batch
 * settles (a run waiting out a throttle pause still shows its clock moving). Closing it stops the
 * timer and prints the final lines.
 */
final class ProgressDisplay implements AutoCloseable {
  private final ProgressRenderer renderer;
  private final ScheduledExecutorService timer;
  private volatile LongSupplier throttles = () -> 0;

  private ProgressDisplay(String verb, PrintWriter err, ProgressRenderer.Mode mode) {
    this.renderer = new ProgressRenderer(verb, err, mode, System::currentTimeMillis, () -> throttles.getAsLong());
    if (mode == ProgressRenderer.Mode.QUIET) {
      timer = null;
    } else {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fmap-progress");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(renderer::tick, 250, 250, TimeUnit.MILLISECONDS);
    }
  }

  static ProgressDisplay start(String verb, PrintWriter err, ProgressRenderer.Mode mode) {
    return new ProgressDisplay(verb, err, mode);
  }

  ProgressRenderer renderer() {
    return renderer;
  }

  /** Shows how often {@code target} was throttled (429s over all its identities); other targets never are. */
  void countThrottlesOf(TargetConnector target) {
    if (target instanceof DataverseTargetConnector dataverse) {
      throttles = () -> dataverse.clients().stream().mapToLong((DataverseClient c) -> c.gate().throttles()).sum();
    }
  }

  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
    renderer.finish();
  }
}
