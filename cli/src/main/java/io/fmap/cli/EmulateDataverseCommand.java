package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.dataverse.Faults;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.schema.SchemaSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmap emulate dataverse}: a local Dataverse Web API that keeps state and enforces the platform's rules. */
@Command(name = "dataverse", mixinStandardHelpOptions = true,
    description = {
        "Serve a local Dataverse Web API with the Dynamics 365 Sales tables.",
        "",
        "It answers at /api/data/v9.2/ with the platform's validation rules and error",
        "codes, $batch, bulk messages, metadata, a client-credentials token endpoint",
        "and service-protection limits (429 + Retry-After).",
        "GET /_emulator/stats and POST /_emulator/reset help tests;",
        "docs/emulator-dataverse.md has a curl session."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped normally",
        "1:a file could not be read or the port not bound",
        "2:usage: a bad option or value"},
    footer = {"", "Examples:",
        "  fmap emulate dataverse --port 5555 --auth none",
        "  fmap emulate dataverse --port 5555 --client app:secret --limits strict \\",
        "      --faults 0.05 --fault-seed 7",
        "  fmap emulate dataverse --port 5555 --seed-users users.json \\",
        "      --snapshot rehearsal.json"})
public final class EmulateDataverseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", description = "port to listen on (0: any free port; default ${DEFAULT-VALUE})", defaultValue = "5555")
  int port;

  @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--schema", paramLabel = "FILE", description = "Dynamics schema snapshot to serve (default: the stdlib's schemas/dynamics.json)")
  Path schema;

  @Option(names = "--seed-users", paramLabel = "FILE",
      description = "JSON array of systemuser rows replacing the default users, e.g. [{\"firstname\":\"Ana\",\"lastname\":\"Lee\",\"internalemailaddress\":\"ana@corp.example\",\"isdisabled\":false}]")
  Path seedUsers;

  @Option(names = "--auth", description = "bearer (tokens from /{tenant}/oauth2/v2.0/token) or none (default ${DEFAULT-VALUE})", defaultValue = "bearer")
  String auth;

  @Option(names = "--client", paramLabel = "ID:SECRET", description = "client id and secret the token endpoint accepts; repeat for several identities (default fmap-demo:fmap-demo)")
  List<String> clients = new ArrayList<>();

  @Option(names = "--limits", description = "service protection profile: none, default (6000 requests and 1,200 s per 300 s, 52 concurrent) or strict (100 and 20 s per 30 s, 8 concurrent); default ${DEFAULT-VALUE}", defaultValue = "default")
  String limits;

  @Option(names = "--max-requests", description = "override: requests per window") Integer maxRequests;
  @Option(names = "--max-execution-ms", description = "override: combined execution time per window, ms") Long maxExecutionMs;
  @Option(names = "--window-seconds", description = "override: the sliding window, seconds") Integer windowSeconds;
  @Option(names = "--max-concurrent", description = "override: requests in flight per identity") Integer maxConcurrent;
  @Option(names = "--dop-hint", description = "override: the x-ms-dop-hint header") Integer dopHint;
  @Option(names = "--cost-per-request-ms", description = "override: modelled execution time of a request, ms") Long costPerRequest;
  @Option(names = "--cost-per-row-ms", description = "override: modelled execution time per row read or written, ms") Long costPerRow;
  @Option(names = "--latency", description = "make each request take its modelled execution time in wall time") boolean latency;

  @Option(names = "--faults", paramLabel = "RATE", description = "share of requests (0..1) answered 500/503, cut mid-response or slowed (default ${DEFAULT-VALUE})", defaultValue = "0")
  double faultRate;

  @Option(names = "--fault-seed", description = "seed for --faults, so a run can be repeated (default ${DEFAULT-VALUE})", defaultValue = "1")
  long faultSeed;

  @Option(names = "--slow-ms", description = "how long a slowed request waits (default ${DEFAULT-VALUE})", defaultValue = "2000")
  long slowMillis;

  @Option(names = "--key-activation-seconds", description = "how long a new alternate key stays Pending (default ${DEFAULT-VALUE})", defaultValue = "2")
  int keyActivationSeconds;

  @Option(names = "--threads", description = "worker threads (default ${DEFAULT-VALUE})", defaultValue = "64")
  int threads;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "load the org from FILE if it exists, save it there on stop")
  Path snapshot;

  /** The emulator configuration the options describe; usage errors name the option and what to write instead. */
  EmulatorConfig config() throws IOException {
    EmulatorConfig c = EmulatorConfig.defaults().withHost(host).withPort(port).withThreads(positive("--threads", threads))
        .withKeyActivation(Duration.ofSeconds(Math.max(0, keyActivationSeconds)));
    if (schema != null) {
      if (!Files.isRegularFile(schema)) throw usage("--schema " + schema + " does not exist; fmap schema pull writes one");
      try {
        c = c.withSchema(SchemaSnapshots.read(schema));
      } catch (IOException e) {
        throw usage("--schema " + e.getMessage() + "; give a Dynamics schema snapshot (schemas/dynamics.json)");
      }
    }
    if (seedUsers != null) c = c.withSeedUsers(readUsers(seedUsers));
    switch (auth) {
      case "bearer" -> c = c.withAuth(true);
      case "none" -> c = c.withAuth(false);
      default -> throw usage("--auth " + auth + " is not known; use bearer or none");
    }
    if (!clients.isEmpty()) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String pair : clients) {
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) throw usage("--client " + pair + " must be ID:SECRET, e.g. --client app:secret");
        map.put(pair.substring(0, colon), pair.substring(colon + 1));
      }
      c = c.withClients(map);
    }
    Limits l;
    try {
      l = Limits.profile(limits);
    } catch (IllegalArgumentException e) {
      throw usage("--limits " + limits + ": " + e.getMessage());
    }
    if (maxRequests != null) l = l.withRequests(positive("--max-requests", maxRequests));
    if (maxExecutionMs != null) l = l.withExecutionMillis(positive("--max-execution-ms", maxExecutionMs));
    if (windowSeconds != null) l = l.withWindow(Duration.ofSeconds(positive("--window-seconds", windowSeconds)));
    if (maxConcurrent != null) l = l.withConcurrent(positive("--max-concurrent", maxConcurrent));
    if (dopHint != null) l = l.withDopHint(positive("--dop-hint", dopHint));
    if (costPerRequest != null || costPerRow != null) {
      l = l.withCosts(costPerRequest == null ? l.requestCostMillis() : costPerRequest, costPerRow == null ? l.rowCostMillis() : costPerRow);
    }
    c = c.withLimits(l.withLatency(latency));
    if (faultRate < 0 || faultRate > 1) throw usage("--faults " + faultRate + " must be between 0 and 1, e.g. --faults 0.05");
    c = c.withFaults(new Faults(faultRate, faultSeed, slowMillis));
    if (snapshot != null) c = c.withSnapshot(snapshot);
    return c;
  }

  private List<ObjectNode> readUsers(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(file));
      if (root == null || !root.isArray()) throw usage("--seed-users " + file + " must hold a JSON array of systemuser objects");
      List<ObjectNode> out = new ArrayList<>();
      for (JsonNode n : root) {
        if (!(n instanceof ObjectNode o) || !n.hasNonNull("internalemailaddress") && !n.hasNonNull("domainname")) {
          throw usage("--seed-users " + file + ": every user needs internalemailaddress or domainname");
        }
        out.add(o);
      }
      return out;
    } catch (IOException e) {
      throw usage("--seed-users " + file + " cannot be read: " + e.getMessage());
    }
  }

  private <N extends Number> N positive(String option, N value) {
    if (value.longValue() <= 0) throw usage(option + " must be positive, was " + value);
    return value;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    EmulatorConfig config = config();
    DataverseEmulator emulator;
    try {
      emulator = DataverseEmulator.start(config);
    } catch (java.net.BindException e) {
      throw usage(host + ":" + port + " is in use: choose another --port (0 picks a free one)");
    }
    var out = spec.commandLine().getOut();
    out.println("Dataverse Web API emulator on " + emulator.baseUrl());
    if (config.auth()) {
      out.println("  token: POST " + emulator.tokenUrl("{tenant}") + " (client_credentials; clients: "
          + String.join(", ", new java.util.TreeSet<>(config.clients().keySet())) + ")");
    } else {
      out.println("  auth: none");
    }
    Limits l = config.limits();
    out.println("  limits: " + (l.enabled() ? l.requests() + " requests and " + l.executionMillis() + " ms per "
        + l.window().toSeconds() + " s, " + l.concurrent() + " concurrent" : "none"));
    out.println("  stats: GET " + emulator.rootUrl() + "/_emulator/stats; stop with Ctrl-C");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    // Closing in the hook itself: the JVM waits for hooks, not for main, so a --snapshot is written in full.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }));
    stopped.await();
    return Fmap.OK;
  }
}
