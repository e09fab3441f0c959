package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.fmap.schema.Table;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Dataverse Web API that keeps state and enforces the platform's rules, for tests, demos
 * and rehearsals. Embeddable: {@code try (var dv = DataverseEmulator.start(EmulatorConfig.defaults()))
 * { dv.baseUrl(); ... }}; the CLI's {@code fmap emulate dataverse} runs the same class.
 */
public final class DataverseEmulator implements AutoCloseable {
  private final EmulatorConfig config;
  private final Store store;
  private final DataverseApi api;
  private final Tokens tokens;
  private final ServiceProtection protection;
  private final HttpFrontEnd front;
  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final List<ObjectNode> users;
  private final SeededOrg org;

  private DataverseEmulator(EmulatorConfig config) throws IOException {
    this.config = config;
    this.store = new Store(newCatalog(config));
    this.users = Seed.users(config.seedUsers());
    this.org = Seed.org(users);
    this.api = new DataverseApi(store, config.clock(), config.keyActivation(), org);
    this.tokens = new Tokens(config.clients(), config.tokenLifetime(), config.clock());
    this.protection = new ServiceProtection(config.limits(), config.clock());
    if (config.snapshot() != null && java.nio.file.Files.exists(config.snapshot())) {
      Snapshots.load(store, config.snapshot(), config.bulkSupport());
    } else {
      Seed.apply(store, org, users, config.clients().keySet());
    }
    this.front = new HttpFrontEnd(this);
    this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 512);
    AtomicInteger threadNo = new AtomicInteger();
    // Bounded both ways: a fixed number of workers and a fixed queue, so overload is refused, not absorbed.
    this.pool = new ThreadPoolExecutor(config.threads(), config.threads(), 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(10_000), r -> {
          Thread t = new Thread(r, "dataverse-emulator-" + threadNo.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(pool);
    server.createContext("/", front);
    server.start();
    api.baseUrl(rootUrl() + "/api/data/v9.2/");
  }

  private static Catalog newCatalog(EmulatorConfig config) {
    return new Catalog(config.schemaOrStdlib(), config.bulkSupport());
  }

  public static DataverseEmulator start(EmulatorConfig config) throws IOException {
    return new DataverseEmulator(config);
  }

  public int port() { return server.getAddress().getPort(); }

  /** {@code http://127.0.0.1:<port>} */
  public String rootUrl() { return "http://" + config.host() + ":" + port(); }

  /** {@code http://127.0.0.1:<port>/api/data/v9.2/} */
  public String baseUrl() { return api.baseUrl(); }

  /** The token URL for a tenant, shaped like Entra ID's. */
  public String tokenUrl(String tenant) { return rootUrl() + "/" + tenant + "/oauth2/v2.0/token"; }

  String authorityUrl() { return rootUrl() + "/common/oauth2/authorize"; }

  public EmulatorConfig config() { return config; }

  /** Ids of the seeded organization, business unit, team and users. */
  public SeededOrg org() { return org; }

  /** The systemuser id requests with this client's token run as. */
  public UUID applicationUser(String clientId) { return Seed.appUser(clientId); }

  public Faults faults() { return config.faults(); }

  /**
   * Whether a {@code parentaccountid} that makes an account its own ancestor is refused, as an org
   * refuses it ({@code 0x80040507}, AccountLoopBeingCreated). On by default; a test that needs a loop
   * in the target (one made before the rule, or by hand) turns it off. Survives {@link #reset()}.
   */
  public void refuseHierarchyLoops(boolean refuse) {
    store.refuseHierarchyLoops = refuse;
  }

  /** Changes the service-protection limits of a running emulator (a test's own profile). */
  public void limits(Limits limits) {
    protection.limits(limits);
    protection.reset();
  }

  public Stats stats() {
    return new Stats(front.requests.get(), front.throttled.get(), front.faults.get(), store.read(Store::counts));
  }

  /** What {@code GET /_emulator/stats} answers. */
  public record Stats(long requests, long throttled, long faults, Map<String, Integer> rows) {
    ObjectNode toJson() {
      ObjectNode o = Json.object();
      o.put("requests", requests);
      o.put("throttled", throttled);
      o.put("faults", faults);
      ObjectNode r = o.putObject("rows");
      new java.util.TreeMap<>(rows).forEach((k, v) -> { if (!k.contains(":")) r.put(k, v); });
      return o;
    }
  }

  public int count(String table) { return store.read(s -> s.all(table).size()); }

  /** Rows of a table as the Web API would show them, in creation order. */
  public List<ObjectNode> rows(String table) {
    return store.read(s -> {
      Table t = s.catalog().require(table);
      List<ObjectNode> out = new ArrayList<>();
      for (Row r : s.all(table)) out.add(RowJson.render(t, r, t.columns(), true));
      return out;
    });
  }

  /**
   * The links of a many-to-many relationship, each as {@code [table1 row id, table2 row id]}, in the
   * order they were made (tests read associations back; the Web API reads them through navigation).
   */
  public List<List<UUID>> associations(String relationship) {
    return store.read(s -> {
      io.fmap.schema.Relationship rel = s.catalog().manyToMany().stream().filter(r -> r.name().equals(relationship))
          .findFirst().orElseThrow(() -> new IllegalArgumentException("no many-to-many relationship " + relationship));
      List<List<UUID>> out = new ArrayList<>();
      for (Row r : s.all("intersect:" + rel.intersectTable())) {
        out.add(List.of(UUID.fromString(r.get(rel.table1() + "id").asText()),
            UUID.fromString(r.get(rel.table2() + "id").asText())));
      }
      return out;
    });
  }

  /**
   * The whole org, metadata and rows, as {@code --snapshot} saves it: {@code {"schema": ..., "rows": {table:
   * [{"id", "version", "values", "lookups"}]}}}. Tests compare an org before and after a round trip.
   */
  public ObjectNode dump() {
    return Snapshots.dump(store);
  }

  public Optional<ObjectNode> row(String table, UUID id) {
    return store.read(s -> {
      Table t = s.catalog().require(table);
      return s.get(table, id).map(r -> RowJson.render(t, r, t.columns(), true));
    });
  }

  /** Creates a row through the same rules as {@code POST}, as the first application user. */
  public UUID seed(String table, JsonNode body) {
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    UUID caller = Seed.appUser(config.clients().keySet().stream().sorted().findFirst().orElse("fmap-demo"));
    return store.write(tx -> new RowWriter(store, config.clock()).create(tx, store.catalog().require(table), copy,
        new RowWriter.Context(caller, Map.of())).id());
  }

  /** Back to the state right after start: seed rows only, original metadata, empty throttle windows. */
  public void reset() {
    store.replaceAll(newCatalog(config));
    Seed.apply(store, org, users, config.clients().keySet());
    protection.reset();
    front.requests.set(0);
    front.throttled.set(0);
    front.faults.set(0);
  }

  DataverseApi api() { return api; }

  Tokens tokens() { return tokens; }

  ServiceProtection protection() { return protection; }

  Store store() { return store; }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    if (config.snapshot() != null) Snapshots.save(store, config.snapshot());
  }
}
