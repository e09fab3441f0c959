package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionTest {

  @Test
  void versionPrintsThePomVersionFilledInAtBuildTime() {
    StringWriter out = new StringWriter();
    CommandLine cli = Fmap.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(Fmap.OK, cli.execute("--version"));
    String first = out.toString().lines().findFirst().orElse("");
    // The resource is filtered from ${project.version}; "unknown" or the raw placeholder means the build lost it.
    assertTrue(first.matches("fmap \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), first);
    assertTrue(out.toString().contains("Java " + System.getProperty("java.version")), out.toString());
  }
}
