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
 * The help also reads well: each verb opens with a one-line summary that stands alone in its
 * parent's Commands list, and the text laid out by hand is never re-wrapped by picocli.
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

  @Test
  void everyVerbHasTheSameFixedHelpWidth() {
    List<String> drifting = allCommands().stream()
        .filter(c -> c.getCommandSpec().usageMessage().width() != Fmap.HELP_WIDTH
            || c.getCommandSpec().usageMessage().autoWidth())
        .map(HelpCoverageTest::name).toList();
    assertEquals(List.of(), drifting, "verbs whose help width is not a fixed " + Fmap.HELP_WIDTH);
  }

  /**
   * The line a verb shows in its parent's Commands list (picocli takes the header's first line, else
   * the description's) is a whole sentence: it begins with a capital, ends with "." or ")", and when
   * it is the description's first line, a blank line follows it, so no sentence runs on below it.
   */
  @Test
  void everyVerbOpensWithAOneLineSummarySentence() {
    List<String> problems = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
      boolean fromHeader = usage.header().length > 0;
      String[] lines = fromHeader ? usage.header() : usage.description();
      String summary = lines.length == 0 ? "" : lines[0];
      if (summary.isBlank() || !Character.isUpperCase(summary.charAt(0))
          || !(summary.endsWith(".") || summary.endsWith(")"))) {
        problems.add(name(command) + ": summary is not a whole sentence: \"" + summary + "\"");
      } else if (!fromHeader && lines.length > 1 && !lines[1].isBlank()) {
        problems.add(name(command) + ": the line after the summary is not blank: \"" + lines[1] + "\"");
      }
    }
    assertEquals(List.of(), problems, "verbs whose Commands-list summary is not a one-line sentence");
  }

  @Test
  void noHelpLineIsWiderThanTheHelpWidth() {
    List<String> tooWide = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      String help = plain(command).getUsageMessage();
      help.lines().filter(line -> line.length() > Fmap.HELP_WIDTH)
          .forEach(line -> tooWide.add(name(command) + ": " + line));
    }
    assertEquals(List.of(), tooWide, "help lines wider than " + Fmap.HELP_WIDTH);
  }

  /**
   * Descriptions, the Commands list, exit codes and example footers are laid out by hand, so at the
   * help width they must print exactly as they would on an endless line: picocli wrapping them splits
   * a sentence into a long and a stray short line. The synopsis and the option table are picocli's own
   * layout, which wraps into an indented column, and are left out.
   */
  @Test
  void noHandLaidHelpTextIsRewrapped() {
    List<String> rewrapped = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      List<String> atHelpWidth = handLaidSections(plain(command)).lines().toList();
      CommandLine endless = plain(command);
      endless.getCommandSpec().usageMessage().width(10_000);
      List<String> unwrapped = handLaidSections(endless).lines().toList();
      atHelpWidth.stream().filter(line -> !unwrapped.contains(line))
          .forEach(line -> rewrapped.add(name(command) + ": " + line));
    }
    assertEquals(List.of(), rewrapped, "help lines that picocli wrapped at width " + Fmap.HELP_WIDTH);
  }

  private static final java.util.Set<String> PICOCLI_LAID_OUT = java.util.Set.of(
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST);

  private static String handLaidSections(CommandLine command) {
    CommandLine.Help help = command.getHelp();
    StringBuilder text = new StringBuilder();
    for (String key : command.getHelpSectionKeys()) {
      CommandLine.IHelpSectionRenderer renderer = command.getHelpSectionMap().get(key);
      if (renderer != null && !PICOCLI_LAID_OUT.contains(key)) text.append(renderer.render(help));
    }
    return text.toString();
  }

  /** The same verb in a freshly built command tree, so width changes do not leak between tests. */
  private static CommandLine plain(CommandLine command) {
    CommandLine fresh = Fmap.commandLine();
    List<String> path = List.of(name(command).split(" "));
    for (String verb : path.subList(1, path.size())) fresh = fresh.getSubcommands().get(verb);
    fresh.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    return fresh;
  }
}
