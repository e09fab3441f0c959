package io.fmap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fmap} command: each verb is a subcommand class in this package. */
@Command(name = "fmap",
    mixinStandardHelpOptions = true,
    versionProvider = Fmap.Version.class,
    description = {
        "Move a CRM from Spark CRM into Microsoft Dynamics 365 Sales, as reviewed code.",
        "",
        "Mappings live in .fmap files; fmap checks them against both systems' schemas,",
        "compiles them into a plan people approve, and runs that plan with an audit log."},
    subcommands = {
        CommandLine.HelpCommand.class,
        CheckCommand.class,
        FmtCommand.class,
        GenerateCommand.class,
        EmulateCommand.class,
        SchemaCommand.class,
        PlanCommand.class,
        CompileCommand.class,
        PreflightCommand.class,
        MigrateCommand.class,
        SampleCommand.class,
        InitCommand.class,
        SuggestCommand.class,
        CompletionCommand.class,
        ReportCommand.class,
        RollbackCommand.class,
        ReconcileCommand.class,
        DeltaCommand.class,
        DemoCommand.class,
    },
    footer = {"", "Examples:",
        "  fmap check stdlib-mappings          check every .fmap file under a folder",
        "  fmap fmt --check stdlib-mappings    list .fmap files not in canonical layout",
        "  fmap help check                     help for one verb"})
public final class Fmap implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No verb given: show what there is to do, as a usage error.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a verb; see the list above.");
  }

  /** Exit codes the whole command line keeps: scripts and CI rely on them. */
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  public static final int BLOCKED = 3;

  /**
   * Help is laid out for 80 columns whatever the terminal, so it reads the same in every shell, CI
   * log and test; descriptions and examples are written to fit it.
   */
  public static final int HELP_WIDTH = 80;

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Fmap());
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FINDINGS);
    cli.setExecutionExceptionHandler(new FriendlyErrors());
    cli.setUsageHelpAutoWidth(false);
    cli.setUsageHelpWidth(HELP_WIDTH);
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties props = new Properties();
      try (InputStream in = Fmap.class.getResourceAsStream("version.properties")) {
        if (in != null) props.load(in);
      }
      return new String[] {"fmap " + props.getProperty("version", "unknown"),
          "Java " + System.getProperty("java.version")};
    }
  }
}
