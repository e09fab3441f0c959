package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.parse.FmapParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fmap suggest}: a draft that parses, never over an existing file, never touching mappings. */
class SuggestCommandTest {
  @TempDir Path tmp;
  private static final Path SAMPLES = Path.of("../samples/spark-export");

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    CommandLine cli = Fmap.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return new Run(cli.execute(args), out.toString());
  }

  @Test
  void emptyProjectGetsADraftThatParsesWithConfidenceOnEveryLine() throws IOException {
    Path project = tmp.resolve("acme");
    assertEquals(Fmap.OK, run("init", project.toString(), "--from", "empty").exit());
    Path draft = tmp.resolve("draft/suggested.fmap");
    Run r = run("suggest", "--project", project.toString(), "--sample-dir", SAMPLES.toString(), "--out", draft.toString());
    assertEquals(Fmap.OK, r.exit(), r.out());
    String text = Files.readString(draft);
    assertTrue(FmapParser.parse("suggested.fmap", text).diagnostics().isEmpty(), text);
    assertTrue(text.contains("map spark.Company -> dynamics.account {"), text);
    assertTrue(text.contains("emailaddress1"), text);
    // Every assignment and declared column; the cases and closing brace of a multi-line match
    // (indented deeper, or "  }") belong to the assignment line above them.
    text.lines().filter(l -> (l.startsWith("  ") && !l.startsWith("    ") && !l.equals("  }")) || l.startsWith("column "))
        .forEach(l -> assertTrue(l.matches(".*// [01]\\.\\d\\d .+"), "confidence and reason: " + l));
  }

  @Test
  void standardProjectKeepsItsMappingsAndIsNotOfferedWhatItMaps() throws IOException {
    Path project = tmp.resolve("std");
    assertEquals(Fmap.OK, run("init", project.toString()).exit());
    String company = Files.readString(project.resolve("mappings/company.fmap"));
    Run r = run("suggest", "--project", project.toString());
    assertEquals(Fmap.OK, r.exit(), r.out());
    assertEquals(company, Files.readString(project.resolve("mappings/company.fmap")));
    assertTrue(!r.out().contains(" websiteurl "), "websiteurl is mapped already:\n" + r.out());
  }

  @Test
  void refusesToOverwriteAnExistingDraft() throws IOException {
    Path project = tmp.resolve("p");
    assertEquals(Fmap.OK, run("init", project.toString(), "--from", "empty").exit());
    Path draft = Files.writeString(tmp.resolve("mine.fmap"), "// mine\n");
    Run r = run("suggest", "--project", project.toString(), "--out", draft.toString());
    assertEquals(Fmap.USAGE, r.exit(), r.out());
    assertTrue(r.out().contains("never overwrites"), r.out());
    assertEquals("// mine\n", Files.readString(draft));
  }
}
