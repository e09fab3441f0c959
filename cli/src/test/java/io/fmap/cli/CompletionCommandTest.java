package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code fmap completion bash}: a bash script that completes fmap's verbs. */
class CompletionCommandTest {
  @Test
  void bashScriptRegistersFmapAndKnowsItsVerbs() {
    CommandLine cli = Fmap.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(Fmap.OK, cli.execute("completion", "bash"));
    String script = out.toString();
    assertTrue(script.startsWith("#!/usr/bin/env bash"), script.lines().findFirst().orElse(""));
    assertTrue(script.contains("complete -F _complete_fmap"), "registers the completion function");
    for (String verb : new String[] {"check", "init", "plan", "completion"}) {
      assertTrue(script.contains(verb), "completes " + verb);
    }
  }

  @Test
  void unknownShellIsAUsageError() {
    CommandLine cli = Fmap.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertEquals(Fmap.USAGE, cli.execute("completion", "fish"));
  }
}
