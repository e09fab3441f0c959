package io.fmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap schema}: the Dataverse schema, read ({@code pull}) and changed ({@code apply}). */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Read the target org's schema into schemas/dynamics.json, or create what the migration needs.",
    subcommands = {SchemaPullCommand.class, SchemaApplyCommand.class},
    footer = {"", "Examples:",
        "  fmap schema pull --tables account,contact   pin the org's account and contact tables",
        "  fmap schema apply                           create missing custom columns, tables, keys"})
public final class SchemaCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand: pull or apply.");
  }
}
