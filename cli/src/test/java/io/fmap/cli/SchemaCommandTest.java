package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SchemaCommandTest {
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
  void schemaWithoutASubcommandIsAUsageError() {
    assertEquals(Fmap.USAGE, run("schema"));
    assertTrue(err.toString().contains("pull or apply"), err.toString());
  }

  @Test
  void helpShowsAnExampleForEachSubcommand() {
    assertEquals(Fmap.OK, run("schema", "pull", "--help"));
    assertTrue(out.toString().contains("fmap schema pull --tables"), out.toString());
    assertEquals(Fmap.OK, run("schema", "apply", "--help"));
    assertTrue(out.toString().contains("fmap schema apply --schema"), out.toString());
  }

  @Test
  void aMissingConfigSaysWhereToRunOrWhatToPass() {
    assertEquals(Fmap.USAGE, run("schema", "pull", "--config", dir.resolve("nope.yaml").toString()));
    assertTrue(err.toString().contains("nope.yaml: no such file; run in the project folder or pass --config FILE"),
        err.toString());
  }

  @Test
  void aSecretInTheConfigIsRefusedAndNotRepeated() throws Exception {
    Path f = Files.writeString(dir.resolve("fmap.yaml"), """
        dataverse:
          url: https://contoso.crm.dynamics.com
          tenant: t
          clientId: app
          secret: hunter2-do-not-commit
        """);
    assertEquals(Fmap.USAGE, run("schema", "apply", "--config", f.toString()));
    assertTrue(err.toString().contains("secretEnv"), err.toString());
    assertFalse((out.toString() + err).contains("hunter2-do-not-commit"));
  }

  @Test
  void sparkPullNeedsASparkSectionAndTakesNoTableList() throws Exception {
    Path f = Files.writeString(dir.resolve("fmap.yaml"), "dataverse:\n  url: https://contoso.crm.dynamics.com\n");
    assertEquals(Fmap.USAGE, run("schema", "pull", "--spark", "--config", f.toString()));
    assertTrue(err.toString().contains("no 'spark:' section"), err.toString());
    assertEquals(Fmap.USAGE, run("schema", "pull", "--spark", "--tables", "Company", "--config", f.toString()));
    assertTrue(err.toString().contains("Spark's schema is read whole"), err.toString());
  }
}
