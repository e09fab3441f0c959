package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fmap demo}: the whole migration journey on generated data, against both emulators, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Show a migration end to end on this machine, against emulators.",
        "",
        "It starts the Spark export API and Dataverse emulators on free loopback ports,",
        "generates Spark data, creates a project with the standard mappings, then runs",
        "the real verbs: check, plan, plan --approve, preflight, schema apply, sample,",
        "migrate, edits in Spark, delta, reconcile, report. One line per step, then a",
        "summary: records moved, the sample diff, the reconcile result and the HTML",
        "reports. The project folder is left for exploring. A step that fails stops the",
        "demo with its exit code; exit 1 when every step ran and some reported findings."},
    footer = {"", "Examples:",
        "  fmap demo                              2000 records, in a new temp folder",
        "  fmap demo --size 500 --keep acme-demo  a smaller run, kept in ./acme-demo",
        "  fmap demo --json > demo.json           one summary object; steps on stderr"})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--size", paramLabel = "N", defaultValue = "2000",
      description = "Spark records to generate (default: ${DEFAULT-VALUE}, a few minutes on 2 cores)")
  int size;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "seed of the generated data and the sample (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--keep", paramLabel = "DIR",
      description = "create the project in DIR (missing or empty) instead of a new temporary folder")
  Path keep;

  /** How the Dataverse emulator authenticates the demo's client. */
  enum Auth { bearer, none }

  @Option(names = "--auth", paramLabel = "bearer|none", defaultValue = "bearer",
      description = "bearer: tokens from the org's token endpoint for client fmap-demo (default); none: no tokens")
  Auth auth;

  @Option(names = "--json", description = "print one JSON summary object; the step lines go to stderr")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (size < 1) throw new ParameterException(spec.commandLine(), "--size must be 1 or more, e.g. --size 500");
    Path project = projectFolder();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    progress.println("fmap demo: Spark CRM -> Dynamics 365 Sales on generated data; project " + project);
    progress.flush();
    DemoVerbs verbs = new DemoVerbs(project, progress, DemoJourney.STEPS);
    DemoJourney journey = new DemoJourney(project, verbs);
    long started = System.nanoTime();
    Function<String, String> environment = DataverseOptions.environment;
    int exit;
    try {
      DataverseOptions.environment = DemoEmulators.ENVIRONMENT::get;
      journey.prepare(size, seed);
      try (DemoEmulators emulators = DemoEmulators.start(project.resolve(DemoJourney.EXPORT), auth == Auth.bearer)) {
        journey.run(emulators, seed);
      }
      exit = verbs.steps().stream().anyMatch(s -> s.outcome() == DemoStep.Outcome.FINDINGS) ? Fmap.FINDINGS : Fmap.OK;
    } catch (DemoVerbs.Stopped stopped) {
      exit = stopped.step().exitCode();
    } finally {
      DataverseOptions.environment = environment;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary(journey, verbs.steps(), exit, seconds)));
    } else {
      out.print(DemoSummary.text(journey.facts(), verbs.steps(), DemoJourney.STEPS, seconds));
    }
    out.flush();
    return exit;
  }

  private Path projectFolder() throws IOException {
    if (keep == null) return Files.createTempDirectory("fmap-demo-").resolve("acme");
    Path dir = keep.toAbsolutePath().normalize();
    if (Files.exists(dir) && !(Files.isDirectory(dir) && InitCommand.isEmpty(dir))) {
      throw new ParameterException(spec.commandLine(), "--keep " + keep + " already exists and is not an empty folder;"
          + " the demo never overwrites files: pick a new folder, e.g. --keep " + keep + "-2");
    }
    return dir;
  }

  private static ObjectNode summary(DemoJourney journey, List<DemoStep> steps, int exit, double seconds) {
    ObjectNode root = journey.facts().deepCopy();
    root.put("exitCode", exit);
    root.put("seconds", Math.round(seconds * 10) / 10.0);
    ArrayNode list = root.putArray("steps");
    steps.forEach(s -> list.add(s.toJson()));
    return root;
  }
}
