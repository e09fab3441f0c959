package io.fmap.cli;

import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.emulator.spark.SparkEmulator;
import io.fmap.emulator.spark.SparkEmulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmap emulate spark}: serves a Spark export over the export API until stopped. */
@Command(name = "spark", mixinStandardHelpOptions = true,
    description = {
        "Serve a Spark CRM export over the Spark export API.",
        "",
        "The API is described in docs/spark-export-format.md. The bearer token is read",
        "from the environment variable named by --token-env.",
        "For tests, POST /_emulator/touch?object=Contact&count=50 edits records and",
        "bumps updated_at; POST /_emulator/faults?status=503&count=2 makes the next",
        "requests fail."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped normally",
        "1:the export could not be read or the port not bound",
        "2:usage: a bad option or value"},
    footer = {"", "Examples:",
        "  SPARK_TOKEN=dev fmap emulate spark --port 5556 --data /tmp/spark-export",
        "  SPARK_TOKEN=dev fmap emulate spark --port 5556 --size 500 --seed 1 \\",
        "      --rate-limit 20"})
public final class EmulateSparkCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", description = "port to listen on (0: any free port; default ${DEFAULT-VALUE})", defaultValue = "5556")
  int port;

  @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
  String host;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--data", required = true, description = "a Spark export folder (fmap generate writes one)")
    Path data;

    @ArgGroup(exclusive = false)
    Generated generated;
  }

  static final class Generated {
    @Option(names = "--size", required = true, description = "generate this many records first")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "seed for the generated data (default ${DEFAULT-VALUE})")
    long seed;
  }

  @Option(names = "--token-env", defaultValue = "SPARK_TOKEN",
      description = "environment variable holding the token clients must send (default ${DEFAULT-VALUE})")
  String tokenEnv;

  @Option(names = "--rate-limit", defaultValue = "0", description = "requests per second before 429 (0: none)")
  int rateLimit;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String token = System.getenv(tokenEnv);
    if (token == null || token.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "set the environment variable " + tokenEnv + " to the token clients must send (e.g. " + tokenEnv + "=dev)");
    }
    Path data = source.data;
    if (data == null) {
      data = Files.createTempDirectory("fmap-spark-");
      Path generated = data;
      // Generated data lives only as long as the emulator serves it.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(generated)));
      new SampleGenerator(source.generated.seed, source.generated.size).writeTo(data, false);
    } else if (!Files.isRegularFile(data.resolve("schema.json"))) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          data + " has no schema.json: --data must name a Spark export folder (fmap generate --out DIR writes one)");
    }
    SparkEmulatorConfig config = SparkEmulatorConfig.withToken(token).withRateLimit(rateLimit);
    CountDownLatch stopped = new CountDownLatch(1);
    SparkEmulator started;
    try {
      started = SparkEmulator.start(data, host, port, config);
    } catch (java.net.BindException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          host + ":" + port + " is in use: choose another --port (0 picks a free one)");
    }
    try (SparkEmulator emulator = started) {
      var out = spec.commandLine().getOut();
      out.println("Spark export API emulator on " + emulator.baseUrl() + "/api/v1 serving " + data);
      if (!emulator.skippedLines().isEmpty()) {
        out.println("  not served (not records): " + String.join(", ", emulator.skippedLines()));
      }
      out.println("  token: the value of " + tokenEnv + "; stop with Ctrl-C");
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return Fmap.OK;
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort at exit: a leftover temp folder is harmless and the OS cleans it.
    }
  }
}
