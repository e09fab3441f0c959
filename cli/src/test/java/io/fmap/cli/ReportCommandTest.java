package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.ledger.Ledger;
import io.fmap.runtime.ledger.LedgerLocation;
import io.fmap.runtime.ledger.RunMode;
import io.fmap.runtime.ledger.RunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
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
  void outsideAProjectIsAUsageErrorNamingTheFolder() {
    assertEquals(Fmap.USAGE, run("report", "--project", dir.toString()));
    assertTrue(err.toString().contains("no fmap.yaml here"), err.toString());
  }

  @Test
  void aProjectWithoutALedgerSaysToMigrateFirstAndCreatesNoLedger() throws Exception {
    Files.writeString(dir.resolve("fmap.yaml"), "name: demo\n");
    assertEquals(Fmap.USAGE, run("report", "--project", dir.toString()));
    assertTrue(err.toString().contains("run 'fmap migrate' first"), err.toString());
    assertTrue(Files.notExists(dir.resolve(LedgerLocation.DEFAULT_FILE)));
  }

  @Test
  void showsTheRunsOfTheProjectsLedgerAsTextJsonAndHtml() throws Exception {
    Files.writeString(dir.resolve("fmap.yaml"), "name: demo\n");
    try (Ledger ledger = Ledger.open(LedgerLocation.defaultFor(dir))) {
      long id = ledger.startRun(RunMode.FULL, "ana", "hash1").id();
      ledger.finishRun(id, RunStatus.COMPLETED);
    }
    assertEquals(Fmap.OK, run("report", "--project", dir.toString(), "--html", dir.resolve("r.html").toString()));
    assertTrue(out.toString().contains("ana"), out.toString());
    assertTrue(Files.readString(dir.resolve("r.html")).contains("<html"));
    out.getBuffer().setLength(0);
    assertEquals(Fmap.OK, run("report", "--project", dir.toString(), "--json", "--run", "1"));
    assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).path("runs").get(0).path("id").asInt(),
        out.toString());
  }

  @Test
  void anUnknownRunIsAUsageErrorPointingAtTheRunList() throws Exception {
    Files.writeString(dir.resolve("fmap.yaml"), "name: demo\n");
    Ledger.open(LedgerLocation.defaultFor(dir)).close();
    assertEquals(Fmap.USAGE, run("report", "--project", dir.toString(), "--run", "7"));
    assertTrue(err.toString().contains("has no run 7"), err.toString());
  }
}
