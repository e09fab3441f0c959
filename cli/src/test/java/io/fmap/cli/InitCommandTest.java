package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fmap init}: a project that checks clean as created, and never over an existing folder. */
class InitCommandTest {
  @TempDir Path tmp;

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    CommandLine cli = Fmap.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return new Run(cli.execute(args), out.toString());
  }

  @Test
  void initFromTheStandardSetChecksClean() throws IOException {
    Path project = tmp.resolve("acme");
    Run init = run("init", project.toString());
    assertEquals(Fmap.OK, init.exit(), init.out());
    assertTrue(Files.isRegularFile(project.resolve("mappings/company.fmap")));
    assertTrue(Files.isRegularFile(project.resolve("schemas/spark.json")));
    assertTrue(Files.isRegularFile(project.resolve("schemas/dynamics.json")));
    assertTrue(Files.readString(project.resolve(".gitignore")).contains(".fmap/"));
    assertTrue(Files.readString(project.resolve(".gitignore")).contains("*.received.*"));
    assertTrue(Files.isRegularFile(project.resolve("README.md")));
    Run check = run("check", project.toString());
    assertEquals(Fmap.OK, check.exit(), check.out());
  }

  @Test
  void initEmptyHasNoMappingsAndChecksClean() throws IOException {
    Path project = tmp.resolve("blank");
    assertEquals(Fmap.OK, run("init", project.toString(), "--from", "empty").exit());
    try (Stream<Path> files = Files.list(project.resolve("mappings"))) {
      assertEquals(0, files.count());
    }
    Run check = run("check", project.toString());
    assertEquals(Fmap.OK, check.exit(), check.out());
  }

  @Test
  void initRefusesAFolderThatHasFilesAndLeavesThemAlone() throws IOException {
    Path project = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(project.resolve("notes.txt"), "mine");
    Run init = run("init", project.toString());
    assertEquals(Fmap.USAGE, init.exit(), init.out());
    assertTrue(init.out().contains("not an empty folder"), init.out());
    assertFalse(Files.exists(project.resolve("fmap.yaml")));
    assertEquals("mine", Files.readString(project.resolve("notes.txt")));
  }
}
