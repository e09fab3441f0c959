package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The verbs of the Spark side: generate and emulate spark. */
class SparkVerbsTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Fmap.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void generateWritesTheExportAndSaysWhatItWrote(@TempDir Path tmp) throws Exception {
    Run r = run("generate", "--size", "200", "--seed", "9", "--out", tmp.resolve("a").toString());
    assertEquals(Fmap.OK, r.code(), r.err());
    assertTrue(r.out().contains("wrote 200 records"), r.out());
    assertTrue(Files.isRegularFile(tmp.resolve("a/schema.json")));
    run("generate", "--size", "200", "--seed", "9", "--out", tmp.resolve("b").toString());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("a/activities.jsonl")), Files.readAllBytes(tmp.resolve("b/activities.jsonl")));
  }

  @Test
  void generateRefusesAFolderThatHoldsSomething(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    Run r = run("generate", "--size", "200", "--out", tmp.toString());
    assertEquals(Fmap.USAGE, r.code());
    assertTrue(r.err().contains("is not empty"), r.err());
  }

  @Test
  void generateRefusesASizeTooSmallForEveryCase(@TempDir Path tmp) {
    Run r = run("generate", "--size", "10", "--out", tmp.resolve("x").toString());
    assertEquals(Fmap.USAGE, r.code());
    assertTrue(r.err().contains("at least 100"), r.err());
  }

  @Test
  void emulateWithoutASystemIsAUsageError() {
    Run r = run("emulate");
    assertEquals(Fmap.USAGE, r.code());
    assertTrue(r.err().contains("spark"), "lists the systems: " + r.err());
  }

  @Test
  void emulateSparkWithoutItsTokenVariableSaysWhichToSet(@TempDir Path tmp) {
    Run r = run("emulate", "spark", "--port", "0", "--data", tmp.toString(), "--token-env", "FMAP_TEST_TOKEN_THAT_IS_NOT_SET");
    assertEquals(Fmap.USAGE, r.code());
    assertTrue(r.err().contains("FMAP_TEST_TOKEN_THAT_IS_NOT_SET"), r.err());
  }

  @Test
  void emulateSparkHelpShowsAnExample() {
    Run r = run("emulate", "spark", "--help");
    assertEquals(Fmap.OK, r.code());
    assertTrue(r.out().contains("fmap emulate spark --port 5556 --data"), r.out());
  }
}
