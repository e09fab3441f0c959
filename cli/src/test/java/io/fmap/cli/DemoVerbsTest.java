package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the demo runs a step: a failing verb stops it with the verb's own message and exit code. */
class DemoVerbsTest {
  @TempDir Path tmp;

  @Test
  void aFailingVerbStopsTheDemoWithItsMessageExitCodeAndLog() throws Exception {
    StringWriter shown = new StringWriter();
    DemoVerbs verbs = new DemoVerbs(tmp, new PrintWriter(shown), 14);
    DemoVerbs.Verb plan = verbs.fmap("plan", "plan", tmp.resolve("missing").toString());

    DemoVerbs.Stopped stopped = assertThrows(DemoVerbs.Stopped.class, () -> verbs.verbStep("plan", plan, true, v -> "ran"));

    assertEquals(Fmap.USAGE, stopped.step().exitCode());
    assertTrue(stopped.step().detail().startsWith("No such project folder: "), stopped.step().detail());
    assertTrue(shown.toString().startsWith(" 1/14 plan          failed   No such project folder"), shown.toString());
    assertTrue(Files.readString(tmp.resolve(".fmap/demo/01-plan.log")).startsWith("$ fmap plan " + tmp.resolve("missing")));
  }

  @Test
  void exitOneIsAFindingOnlyWhereTheJourneyCanGoOn() {
    assertEquals(DemoStep.Outcome.OK, DemoStep.outcome(Fmap.OK, false));
    assertEquals(DemoStep.Outcome.FINDINGS, DemoStep.outcome(Fmap.FINDINGS, true));
    assertEquals(DemoStep.Outcome.FAILED, DemoStep.outcome(Fmap.FINDINGS, false));
    assertEquals(DemoStep.Outcome.FAILED, DemoStep.outcome(Fmap.BLOCKED, true));
    assertEquals(DemoStep.Outcome.FAILED, DemoStep.outcome(Fmap.USAGE, true));
  }

  @Test
  void progressOfALiveVerbIsShownIndentedAndKeptInItsLog() throws Exception {
    StringWriter shown = new StringWriter();
    DemoVerbs verbs = new DemoVerbs(tmp, new PrintWriter(shown), 14);
    DemoVerbs.Verb plan = verbs.live("plan", "plan", tmp.resolve("missing").toString());
    assertTrue(shown.toString().startsWith("        No such project folder"), shown.toString());
    assertTrue(plan.err().startsWith("No such project folder"), plan.err());
  }
}
