package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every verb and sub-verb explains itself: {@code --help} shows a description and a footer with at
 * least one example command line, and verbs that can end other than "ok" say which exit codes they use.
 */
class HelpCoverageTest {

  /** Every command under {@code fmap}, by its full name ({@code fmap schema pull}). */
  private static List<CommandLine> allCommands() {
    List<CommandLine> all = new ArrayList<>();
    collect(Fmap.commandLine(), all);
    return all;
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      // aliases map to the same CommandLine; visit each command once, under its own name
      if (sub.getKey().equals(sub.getValue().getCommandName())) collect(sub.getValue(), into);
    }
  }

  private static String name(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }

  private static boolean isHelpVerb(CommandLine command) {
    return command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand;
  }

  @Test
  void theWalkFindsNestedSubVerbs() {
    List<String> names = allCommands().stream().map(HelpCoverageTest::name).toList();
    assertTrue(names.contains("fmap schema pull"), names.toString());
    assertTrue(names.contains("fmap emulate dataverse"), names.toString());
  }

  @Test
  void everyVerbHasADescription() {
    List<String> missing = allCommands().stream()
        .filter(c -> String.join("", c.getCommandSpec().usageMessage().description()).isBlank())
        .map(HelpCoverageTest::name).toList();
    assertEquals(List.of(), missing, "verbs whose --help has no description");
  }

  @Test
  void everyVerbHasAnExampleInItsFooter() {
    List<String> missing = allCommands().stream()
        .filter(c -> !isHelpVerb(c))
        .filter(c -> !hasExample(c))
        .map(HelpCoverageTest::name).toList();
    assertEquals(List.of(), missing, "verbs whose --help footer shows no example starting with 'fmap '");
  }

  /**
   * An example is a footer line that runs the verb itself: "  fmap schema pull ...", also behind an
   * environment variable or a process substitution ("SPARK_TOKEN=dev fmap emulate spark ...").
   */
  private static boolean hasExample(CommandLine command) {
    java.util.regex.Pattern runsVerb = java.util.regex.Pattern.compile(
        "(^|[\\s(])" + java.util.regex.Pattern.quote(name(command)) + "(\\s|\\)|$)");
    return String.join("\n", command.getCommandSpec().usageMessage().footer()).lines()
        .anyMatch(line -> runsVerb.matcher(line).find());
  }

  @Test
  void everyVerbPrintsItsHelpWithExitZero() {
    for (CommandLine command : allCommands()) {
      if (isHelpVerb(command) || command.getCommandSpec().mixinStandardHelpOptions() == false) continue;
      CommandLine fresh = Fmap.commandLine();
      List<String> args = new ArrayList<>(List.of(name(command).split(" ")));
      args.remove(0);
      args.add("--help");
      java.io.StringWriter out = new java.io.StringWriter();
      fresh.setOut(new java.io.PrintWriter(out));
      assertEquals(Fmap.OK, fresh.execute(args.toArray(String[]::new)), name(command));
      assertTrue(out.toString().contains("Usage: " + name(command)), name(command) + ":\n" + out);
    }
  }

  @Test
  void everyVerbSaysWhichExitCodesItUses() {
    List<String> missing = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      if (isHelpVerb(command) || !command.getSubcommands().isEmpty()) continue;
      String help = String.join("\n", command.getCommandSpec().usageMessage().description()) + "\n"
          + String.join("\n", command.getCommandSpec().usageMessage().footer());
      boolean listed = !command.getCommandSpec().usageMessage().exitCodeList().isEmpty();
      if (!listed && !help.toLowerCase(java.util.Locale.ROOT).contains("exit")) missing.add(name(command));
    }
    assertEquals(List.of(), missing, "verbs whose --help does not say what their exit codes mean");
  }
}
