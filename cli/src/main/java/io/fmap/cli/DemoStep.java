package io.fmap.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;

/**
 * One step of {@code fmap demo} as it is printed: what ran, how it ended, its key numbers and how long
 * it took.
 *
 * @param exitCode the verb's exit code (0 for the demo's own steps that succeeded)
 * @param detail   one line of key numbers, or the verb's error when it failed
 */
record DemoStep(String name, Outcome outcome, int exitCode, String detail, Duration took) {

  /** FINDINGS: the verb reported something a person should read, and the journey can go on. */
  enum Outcome { OK, FINDINGS, FAILED }

  /**
   * How an exit code reads for a step: 1 is a finding only where the verb's findings leave the next
   * steps runnable (records that did not land, a mismatch); anything else stops the demo.
   */
  static Outcome outcome(int exitCode, boolean findingsAllowed) {
    if (exitCode == Fmap.OK) return Outcome.OK;
    return exitCode == Fmap.FINDINGS && findingsAllowed ? Outcome.FINDINGS : Outcome.FAILED;
  }

  String line(int index, int total) {
    return String.format(Locale.ROOT, "%2d/%d %-13s %-8s %s (%.1f s)", index, total, name,
        outcome.name().toLowerCase(Locale.ROOT), detail, took.toMillis() / 1000.0);
  }

  ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("step", name).put("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .put("exitCode", exitCode).put("detail", detail).put("seconds", took.toMillis() / 1000.0);
  }
}
