package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a data verb says when the project, the source or a secret is missing: one line, exit 2, no trace. */
class DataVerbUsageTest {
  @TempDir Path dir;

  @AfterEach void restoreEnvironment() { DataverseOptions.environment = System::getenv; }

  private String usageError(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = Fmap.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    assertEquals(Fmap.USAGE, cli.execute(args), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    return err.toString();
  }

  private Path project(String yaml) throws Exception {
    Files.writeString(dir.resolve("fmap.yaml"), yaml);
    return dir;
  }

  @Test
  void aFolderWithoutFmapYamlIsNotAProject() {
    for (String verb : new String[] {"preflight", "migrate", "sample"}) {
      String err = usageError(verb, "--project", dir.toString());
      assertTrue(err.contains("no fmap.yaml here; run in the project folder or pass --project DIR"), err);
    }
  }

  @Test
  void aSampleOfNoRecordsIsAUsageError() {
    String err = usageError("sample", "--project", dir.toString(), "--size", "0");
    assertTrue(err.contains("--size needs a whole number of 1 or more"), err);
  }

  @Test
  void noSourceInOptionsOrFmapYamlNamesBothWaysToGiveOne() throws Exception {
    DataverseOptions.environment = Map.of(DataVerbOptions.CLIENT_ID, "app", DataVerbOptions.CLIENT_SECRET, "s")::get;
    String err = usageError("migrate", "--project",
        project("dataverse:\n  url: https://contoso.crm4.dynamics.com\n  tenant: t\n").toString());
    assertTrue(err.contains("no source: pass --source-dir DIR or --source-url URL"), err);
  }

  @Test
  void bothSourcesAtOnceAreRefused() throws Exception {
    String err = usageError("preflight", "--project", project("{}\n").toString(), "--source-dir", dir.toString(),
        "--source-url", "http://127.0.0.1:1");
    assertTrue(err.contains("give one source"), err);
  }

  @Test
  void aMissingClientSecretNamesTheVariableAndNeverAValue() throws Exception {
    DataverseOptions.environment = Map.of(DataVerbOptions.CLIENT_ID, "app-123")::get;
    String err = usageError("migrate", "--project", project("{}\n").toString(), "--source-dir", dir.toString(),
        "--target-url", "https://contoso.crm4.dynamics.com");
    assertTrue(err.contains("tenant is missing"), err);
    DataverseOptions.environment = Map.of(DataVerbOptions.CLIENT_ID, "app-123", DataVerbOptions.TENANT, "t1")::get;
    err = usageError("migrate", "--project", dir.toString(), "--source-dir", dir.toString(),
        "--target-url", "https://contoso.crm4.dynamics.com");
    assertTrue(err.contains("environment variable FMAP_TARGET_CLIENT_SECRET is not set"), err);
  }

  @Test
  void noTargetIdentityNamesTheVariables() throws Exception {
    DataverseOptions.environment = name -> null;
    String err = usageError("preflight", "--project", project("{}\n").toString(), "--source-dir", dir.toString(),
        "--target-url", "https://contoso.crm4.dynamics.com");
    assertTrue(err.contains("no target identity: set FMAP_TARGET_CLIENT_ID and FMAP_TARGET_CLIENT_SECRET"), err);
  }

  @Test
  void theExportApiTokenMustBeSet() throws Exception {
    DataverseOptions.environment = Map.of(DataVerbOptions.CLIENT_ID, "app", DataVerbOptions.CLIENT_SECRET, "s",
        DataVerbOptions.TENANT, "t")::get;
    String err = usageError("preflight", "--project", project("{}\n").toString(), "--source-url", "http://127.0.0.1:9",
        "--target-url", "https://contoso.crm4.dynamics.com");
    assertTrue(err.contains("environment variable SPARK_TOKEN is not set"), err);
  }
}
