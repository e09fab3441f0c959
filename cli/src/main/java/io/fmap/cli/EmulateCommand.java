package io.fmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap emulate}: the parent of the emulator verbs; each system is a subcommand. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
    description = {
        "Run an emulator of either system, for demos, tests and rehearsals.",
        "",
        "The emulators speak the real wire protocols: fmap cannot tell them from the",
        "real services."},
    subcommands = {EmulateSparkCommand.class, EmulateDataverseCommand.class},
    footer = {"", "Examples:",
        "  fmap emulate spark --port 5556 --data /tmp/spark-export",
        "  fmap emulate dataverse --port 5555 --auth none"})
public final class EmulateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing the system to emulate; see the list above.");
  }
}
