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

/** {@code fmap check} runs the checker against the project's schemas, or the standard set's. */
class CheckCommandTest {
  @TempDir Path dir;

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
  void standardMappingSetChecksClean() {
    Run r = run("check", "../stdlib-mappings", "--color", "never");
    assertEquals(Fmap.OK, r.exit(), r.out());
    assertTrue(r.out().contains("0 errors, 0 warnings"), r.out());
  }

  @Test
  void schemaMistakeIsReportedWithItsCodeAndExitsOne() throws IOException {
    Files.writeString(dir.resolve("account.fmap"), """
        map spark.Company -> dynamics.account {
          name    = nmae
          ownerid = owner(owner_email)
        }
        """);
    Run r = run("check", dir.toString(), "--format", "gnu");
    assertEquals(Fmap.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains("account.fmap:2:13: error[FM2004]"), r.out());
  }

  @Test
  void paramsComeFromTheProjectsFmapYaml() throws IOException {
    Files.writeString(dir.resolve("fmap.yaml"), "params:\n  min_employes: 5\n");
    Files.writeString(dir.resolve("account.fmap"), """
        param min_employees: int = 10
        map spark.Company -> dynamics.account where employee_count > min_employees {
          name    = name | truncate(160)
          ownerid = owner(owner_email)
        }
        """);
    Run r = run("check", dir.toString(), "--format", "gnu");
    assertTrue(r.out().contains("error[FM2007]"), r.out());
  }

  @Test
  void paramOnTheCommandLineWinsOverFmapYaml() throws IOException {
    Files.writeString(dir.resolve("fmap.yaml"), "params:\n  min_employees: many\n");
    Files.writeString(dir.resolve("account.fmap"), """
        param min_employees: int
        map spark.Company -> dynamics.account where employee_count > min_employees {
          name    = name | truncate(160)
          ownerid = owner(owner_email)
        }
        """);
    assertTrue(run("check", dir.toString(), "--format", "gnu").out().contains("error[FM3014]"), "fmap.yaml alone");
    Run r = run("check", dir.toString(), "--format", "gnu", "--param", "min_employees=50");
    assertTrue(!r.out().contains("error["), r.out());
  }
}
