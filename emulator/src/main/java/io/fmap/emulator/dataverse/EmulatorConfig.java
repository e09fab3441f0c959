package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an emulator runs. Start from {@link #defaults()} and change what a test or the CLI needs.
 *
 * @param port          0 picks a free port
 * @param schema        tables, columns and option sets the org has
 * @param seedUsers     systemuser bodies replacing the default users; empty keeps the defaults
 * @param auth          require a bearer token from the token endpoint
 * @param clients       client id → secret accepted by the token endpoint
 * @param threads       worker threads serving requests (bounded)
 * @param keyActivation how long a new alternate key stays Pending before its index is built
 * @param bulkSupport   standard tables → bulk messages they answer (custom tables answer all)
 * @param snapshot      file the state is loaded from on start and saved to on stop; null for none
 */
public record EmulatorConfig(String host, int port, SystemSchema schema, List<ObjectNode> seedUsers, Limits limits,
                             boolean auth, Map<String, String> clients, Faults faults, int threads, Clock clock,
                             Duration keyActivation, Duration tokenLifetime, Map<String, Set<String>> bulkSupport,
                             Path snapshot) {

  /** The stdlib's pinned Dynamics 365 Sales schema, which the checker checks mappings against too. */
  public static final String STDLIB_SCHEMA = "/io/fmap/stdlib/schemas/dynamics.json";

  public EmulatorConfig {
    seedUsers = seedUsers == null ? List.of() : List.copyOf(seedUsers);
    clients = Map.copyOf(clients);
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
  }

  /** Loopback, a free port, the stdlib schema, Dataverse's default limits, auth on with fmap-demo:fmap-demo. */
  public static EmulatorConfig defaults() {
    Map<String, Set<String>> bulk = new LinkedHashMap<>();
    // The 2024 Sales reference lists CreateMultiple/UpdateMultiple for account and opportunity (fact sheet §10).
    bulk.put("account", Set.of("CreateMultiple", "UpdateMultiple"));
    bulk.put("opportunity", Set.of("CreateMultiple", "UpdateMultiple"));
    return new EmulatorConfig("127.0.0.1", 0, null, List.of(), Limits.defaults(), true, Map.of("fmap-demo", "fmap-demo"),
        Faults.off(), 64, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(3599), bulk, null);
  }

  /** The schema to serve: the configured one, else the stdlib snapshot from the classpath. */
  SystemSchema schemaOrStdlib() {
    if (schema != null) return schema;
    try (InputStream in = EmulatorConfig.class.getResourceAsStream(STDLIB_SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("the stdlib Dynamics schema " + STDLIB_SCHEMA + " is not on the classpath; "
            + "pass a schema snapshot with --schema FILE");
      }
      return SchemaSnapshots.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public EmulatorConfig withHost(String h) { return new EmulatorConfig(h, port, schema, seedUsers, limits, auth, clients, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withPort(int p) { return new EmulatorConfig(host, p, schema, seedUsers, limits, auth, clients, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withSchema(SystemSchema s) { return new EmulatorConfig(host, port, s, seedUsers, limits, auth, clients, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withSeedUsers(List<ObjectNode> u) { return new EmulatorConfig(host, port, schema, u, limits, auth, clients, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withLimits(Limits l) { return new EmulatorConfig(host, port, schema, seedUsers, l, auth, clients, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withAuth(boolean a) { return new EmulatorConfig(host, port, schema, seedUsers, limits, a, clients, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withClients(Map<String, String> c) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, c, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withFaults(Faults f) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, clients, f, threads, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withThreads(int t) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, clients, faults, t, clock, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withClock(Clock c) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, clients, faults, threads, c, keyActivation, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withKeyActivation(Duration d) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, clients, faults, threads, clock, d, tokenLifetime, bulkSupport, snapshot); }
  public EmulatorConfig withTokenLifetime(Duration d) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, clients, faults, threads, clock, keyActivation, d, bulkSupport, snapshot); }
  public EmulatorConfig withBulkSupport(Map<String, Set<String>> b) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, clients, faults, threads, clock, keyActivation, tokenLifetime, b, snapshot); }
  public EmulatorConfig withSnapshot(Path p) { return new EmulatorConfig(host, port, schema, seedUsers, limits, auth, clients, faults, threads, clock, keyActivation, tokenLifetime, bulkSupport, p); }
}
