package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fmap fmt}: rewrites in place, or with --check only lists; never touches a broken file. */
class FmtCommandTest {
  @TempDir Path dir;

  private static final String MESSY = "map spark.Company->dynamics.account{\nname=name|trim // keep\n  key fmap_sourceid = id\n}\n";
  private static final String CANONICAL = """
      map spark.Company -> dynamics.account {
        name              = name | trim  // keep
        key fmap_sourceid = id
      }
      """;

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    CommandLine cli = Fmap.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int exit = cli.execute(args);
    return new Run(exit, out.toString());
  }

  @Test
  void checkListsUnformattedFilesExitsOneAndWritesNothing() throws IOException {
    Path file = dir.resolve("company.fmap");
    Files.writeString(file, MESSY);
    Run r = run("fmt", "--check", dir.toString());
    assertEquals(Fmap.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains("would reformat " + file), r.out());
    assertEquals(MESSY, Files.readString(file));
  }

  @Test
  void fmtRewritesInCanonicalLayoutAndThenCheckPasses() throws IOException {
    Path file = dir.resolve("company.fmap");
    Files.writeString(file, MESSY);
    Run r = run("fmt", dir.toString());
    assertEquals(Fmap.OK, r.exit(), r.out());
    assertEquals(CANONICAL, Files.readString(file));
    assertEquals(Fmap.OK, run("fmt", "--check", file.toString()).exit());
  }

  @Test
  void windowsLineBreaksStayWindowsLineBreaks() throws IOException {
    Path file = dir.resolve("company.fmap");
    Files.writeString(file, MESSY.replace("\n", "\r\n"));
    run("fmt", file.toString());
    assertEquals(CANONICAL.replace("\n", "\r\n"), Files.readString(file));
  }

  @Test
  void aFileWithSyntaxErrorsIsLeftAloneAndItsErrorsShown() throws IOException {
    Path file = dir.resolve("broken.fmap");
    String broken = "map spark.Company -> dynamics.account {\n  name trim\n}\n";
    Files.writeString(file, broken);
    Run r = run("fmt", "--color", "never", file.toString());
    assertEquals(Fmap.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains("error[FM1004]: missing `=`"), r.out());
    assertEquals(broken, Files.readString(file));
  }

  @Test
  void noPathIsAUsageErrorThatSaysWhatToGive() {
    Run r = run("fmt");
    assertEquals(Fmap.USAGE, r.exit());
    assertTrue(r.out().contains("Missing a path"), r.out());
  }
}
