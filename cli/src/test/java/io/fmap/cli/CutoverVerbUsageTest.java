package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The cutover verbs' usage errors: each is exit 2 with a message, before anything is opened. */
class CutoverVerbUsageTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Fmap.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void rollbackNeedsARunOrAllOrACheckpoint() {
    assertEquals(Fmap.USAGE, run("rollback"));
    assertTrue(err.toString().contains("RUN_ID"), err.toString());
  }

  @Test
  void rollbackTakesOnlyOneOfThem() {
    assertEquals(Fmap.USAGE, run("rollback", "3", "--all"));
    assertTrue(err.toString().contains("mutually exclusive"), err.toString());
  }

  @Test
  void rollbackOutsideAProjectNamesTheFolder() {
    assertEquals(Fmap.USAGE, run("rollback", "3", "--project", dir.toString()));
    assertTrue(err.toString().contains("no fmap.yaml here"), err.toString());
  }

  @Test
  void reconcileRefusesASampleRateBelowOne() {
    assertEquals(Fmap.USAGE, run("reconcile", "--sample", "0", "--project", dir.toString()));
    assertTrue(err.toString().contains("--sample"), err.toString());
  }

  @Test
  void reconcileOutsideAProjectNamesTheFolder() {
    assertEquals(Fmap.USAGE, run("reconcile", "--project", dir.toString()));
    assertTrue(err.toString().contains("no fmap.yaml here"), err.toString());
  }

  @Test
  void deltaRefusesAnUnknownPolicyNamingTheThreeItKnows() {
    assertEquals(Fmap.USAGE, run("delta", "--policy", "newest-wins", "--project", dir.toString()));
    assertTrue(err.toString().contains("source-wins, target-wins, report"), err.toString());
  }

  @Test
  void deltaWatchRefusesAnUntilShorterThanEvery() {
    assertEquals(Fmap.USAGE, run("delta", "--watch", "--every", "1h", "--until", "30m", "--project", dir.toString()));
    assertTrue(err.toString().contains("--until"), err.toString());
  }

  @Test
  void deltaApplyDeletesWithoutYesIsRefusedBeforeAnythingIsOpened() {
    assertEquals(Fmap.USAGE, run("delta", "--apply-deletes", "--project", dir.toString()));
    assertTrue(err.toString().contains("add --yes"), err.toString());
  }

  @Test
  void deltaOutsideAProjectNamesTheFolder() {
    assertEquals(Fmap.USAGE, run("delta", "--project", dir.toString()));
    assertTrue(err.toString().contains("no fmap.yaml here"), err.toString());
  }

  @Test
  void helpOfEachCutoverVerbShowsAnExample() {
    for (String verb : new String[] {"report", "rollback", "reconcile", "delta"}) {
      assertEquals(Fmap.OK, run(verb, "--help"));
      assertTrue(out.toString().contains("fmap " + verb + " "), verb + ": " + out);
    }
  }
}
