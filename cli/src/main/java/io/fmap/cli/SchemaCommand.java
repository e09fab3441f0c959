package io.fmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fmap schema}: the Dataverse schema, read ({@code pull}) and changed ({@code apply}). */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {
        "Read the target org's schema, or create what the migration needs.",
        "",
        "'schema pull' reads the org's schema into schemas/dynamics.json; 'schema apply'",
        "creates the tables, columns and keys the migration needs and the org lacks."},
    subcommands = {SchemaPullCommand.class, SchemaApplyCommand.class},
    footer = {"", "Examples:",
        "  fmap schema pull --tables account,contact   pin account and contact tables",
        "  fmap schema apply                           add what the approved plan needs"})
public final class SchemaCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand: pull or apply.");
  }
}
