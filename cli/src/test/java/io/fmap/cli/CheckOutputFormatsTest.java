package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fmap check}: syntax findings in each output format, and usage errors with exit code 2. */
class CheckOutputFormatsTest {
  @TempDir Path dir;
  private Path file;

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    CommandLine cli = Fmap.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int exit = cli.execute(args);
    return new Run(exit, out.toString());
  }

  @BeforeEach
  void brokenFile() throws IOException {
    file = dir.resolve("company.fmap");
    Files.writeString(file, "map spark.Company -> dynamics.account {\n  name trim\n}\n");
  }

  @Test
  void textShowsTheLineACaretAndHelp() {
    Run r = run("check", "--color", "never", file.toString());
    assertEquals(Fmap.FINDINGS, r.exit());
    assertTrue(r.out().contains("error[FM1004]: missing `=` before the name `trim`"), r.out());
    assertTrue(r.out().contains("2 |   name trim\n  |       ^ expected `=` here"), r.out());
    assertTrue(r.out().contains("= help: each line of a map reads"), r.out());
    assertTrue(r.out().contains("checked 1 file: 1 error, 0 warnings"), r.out());
  }

  @Test
  void gnuIsOneLinePerFinding() {
    Run r = run("check", "--message-format", "gnu", file.toString());
    assertEquals(file + ":2:7: error[FM1004]: missing `=` before the name `trim`\n", r.out());
  }

  @Test
  void jsonHasTheCodeSpanAndHelp() {
    Run r = run("check", "--format", "json", file.toString());
    assertTrue(r.out().startsWith("[\n  {\"code\": \"FM1004\", \"severity\": \"error\""), r.out());
    assertTrue(r.out().contains("\"span\": {\"startLine\": 2, \"startColumn\": 7"), r.out());
  }

  @Test
  void aMissingPathIsAUsageErrorNamingIt() {
    Run r = run("check", dir.resolve("nope").toString());
    assertEquals(Fmap.USAGE, r.exit());
    assertTrue(r.out().contains("No such file or folder: " + dir.resolve("nope")), r.out());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run r = run("check", "--format", "xml", file.toString());
    assertEquals(Fmap.USAGE, r.exit());
    assertTrue(r.out().contains("use text, gnu or json"), r.out());
  }
}
