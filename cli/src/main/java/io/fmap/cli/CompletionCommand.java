package io.fmap.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmap completion bash}: the completion script picocli generates from the live command tree. */
@Command(name = "completion",
    mixinStandardHelpOptions = true,
    description = {
        "Print a shell completion script for fmap (bash).",
        "",
        "zsh loads it through bashcompinit. It is generated from the verbs and options",
        "of this fmap, so it never goes stale."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the script was printed",
        "2:usage: a shell other than bash"},
    footer = {"", "Examples:",
        "  source <(fmap completion bash)                        completion in this shell",
        "  fmap completion bash > /etc/bash_completion.d/fmap    for every new shell"})
public final class CompletionCommand implements Callable<Integer> {

  /** The shells picocli can generate a script for. */
  enum Shell { bash }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  public Integer call() {
    // The root command line, not this verb's: the script has to cover every verb.
    var root = spec.root().commandLine();
    spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
    spec.commandLine().getOut().flush();
    return Fmap.OK;
  }
}
