package io.fmap.bench.load;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.dataverse.DataverseClient;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.dataverse.Identity;
import io.fmap.runtime.dataverse.Redactor;
import io.fmap.runtime.dataverse.RetryPolicy;
import io.fmap.runtime.dataverse.SchemaApplier;
import io.fmap.runtime.dataverse.SchemaDiff;
import io.fmap.runtime.dataverse.SchemaPuller;
import io.fmap.runtime.dataverse.Secret;
import io.fmap.runtime.target.LinkOnlyFileStore;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end load benchmark: the real Dataverse connector writing accounts into the emulator on
 * loopback. Prints rows/s with {@code --limits none} and no latency, which is fmap's (and the
 * emulator's) own overhead; then rows/s under the {@code default} limits with the emulator's latency
 * model, the ceiling those limits allow ({@link Ceiling}, formula shown) and the ratio; then rows/s
 * into a null target, the connector alone.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -XX:+UseParallelGC -Xmx1g -cp bench/target/benchmarks.jar io.fmap.bench.load.LoadBenchmark
 *     [--rows 20000] [--batch 100] [--identities 1] [--limits default|strict|none]
 *     [--limited-batch 25]                 (rows per request of the limited load: small, as Microsoft advises for $batch
 *                                           (~10), so 800 requests keep the gate's ramp-up a small part of the run;
 *                                           10 measured the machine's per-request CPU more than the flow control)
 *     [--request-ms MS] [--row-ms MS]     (the latency model; default 10 ms + 40 ms per written row)
 *     [--phases all|limited,free,null]     (which of the three loads to run; default all)
 *     [--warmup 40000]                     (rows written first, untimed, in four rounds, each followed by a quiet JIT
 *                                           and a System.gc() ({@link Settle}), so the timed load is the steady state)
 * </pre>
 */
public final class LoadBenchmark {
  private static final String TENANT = "bench";
  static final long WRITE_REQUEST_MS = 10;
  static final long WRITE_ROW_MS = 40;
  static final int WARMUP_ROUND_ROWS = 10_000;

  record Options(int rows, int batch, int limitedBatch, int identities, String limits, long requestMs, long rowMs,
                 String phases, int warmup) {
    boolean runs(String phase) {
      return phases.equals("all") || List.of(phases.split(",")).contains(phase);
    }

    static Options parse(String[] args) {
      int rows = 20_000;
      int batch = 100;
      int limitedBatch = 25;
      int identities = 1;
      String limits = "default";
      long requestMs = -1;
      long rowMs = -1;
      String phases = "all";
      int warmup = 40_000;
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--rows" -> rows = Integer.parseInt(args[i + 1]);
          case "--batch" -> batch = Integer.parseInt(args[i + 1]);
          case "--limited-batch" -> limitedBatch = Integer.parseInt(args[i + 1]);
          case "--identities" -> identities = Integer.parseInt(args[i + 1]);
          case "--limits" -> limits = args[i + 1];
          case "--request-ms" -> requestMs = Long.parseLong(args[i + 1]);
          case "--row-ms" -> rowMs = Long.parseLong(args[i + 1]);
          case "--phases" -> phases = args[i + 1];
          case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; use --rows N --batch B --limited-batch B --identities K --limits default|strict|none --request-ms MS --row-ms MS"
              + " --phases all|limited,free,null --warmup N");
        }
      }
      return new Options(rows, batch, limitedBatch, identities, limits, requestMs, rowMs, phases, warmup);
    }
  }

  record Run(long rows, double seconds, long failed, long inTarget, long throttled, int maxInFlight, String cpu) {
    double rowsPerSecond() { return rows / seconds; }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    // The machine is shared: its load says how far the numbers below are from a quiet 2-core run.
    java.nio.file.Path load = java.nio.file.Path.of("/proc/loadavg");
    System.out.println("cores " + Runtime.getRuntime().availableProcessors()
        + (java.nio.file.Files.exists(load) ? ", load average " + java.nio.file.Files.readString(load).strip() : ""));
    Limits profile = Limits.profile(o.limits());
    // The latency model of written rows: 10 ms per request (an assumption) + 40 ms per row, Microsoft's
    // ExecuteMultiple sample (100 rows in 4 s); sources in docs/emulator-dataverse.md.
    Limits limited = profile.withLatency(!o.limits().equals("none")).withCosts(
        o.requestMs() >= 0 ? o.requestMs() : WRITE_REQUEST_MS, o.rowMs() >= 0 ? o.rowMs() : WRITE_ROW_MS);
    // The free load runs first: besides its own figure it is the JIT's warm-up for the limited load, whose
    // ratio is meant to judge the connector's use of the limits, not the JVM compiling both sides.
    if (!o.limits().equals("none") && o.runs("free")) {
      Run free = load(o, Limits.none(), o.batch());
      System.out.println("limits none, no latency (fmap plus the emulator's rule checks, in the same JVM):");
      report(free);
    }
    if (o.runs("limited")) {
      Run run = load(o, limited, o.limitedBatch());
      System.out.printf(Locale.ROOT, "limits %s, latency model %d ms/request + %d ms/row, %d rows per request:%n",
          o.limits(), limited.requestCostMillis(), limited.rowCostMillis(), o.limitedBatch());
      report(run);
      if (limited.enabled()) {
        Ceiling c = Ceiling.of(run.rows(), o.limitedBatch(), o.identities(), limited.requestCostMillis(), limited.rowCostMillis(),
            limited.concurrent(), limited.requests(), limited.executionMillis(), limited.window().toMillis() / 1000.0);
        System.out.println("  " + c.formula());
        System.out.printf(Locale.ROOT, "  ratio achieved/ceiling = %.2f%n", run.rowsPerSecond() / c.rowsPerSecond());
      }
    }
    if (o.runs("null")) {
      System.out.println("null target (accepts every write, stores nothing): the connector's own cost:");
      report(loadIntoNull(o));
    }
  }

  static Run loadIntoNull(Options o) throws Exception {
    try (NullDataverse sink = new NullDataverse()) {
      URI url = URI.create(sink.rootUrl());
      List<Identity> ids = List.of(new Identity("bench", "BENCH_SECRET", Secret.of("bench-secret")));
      DataverseConfig config = new DataverseConfig(url, "v9.2", URI.create(sink.rootUrl() + "/t/oauth2/v2.0/token"),
          url + "/.default", ids, o.batch(), 64, false, false, null);
      SystemSchema schema = new SystemSchema("dynamics", List.of(new Table("account", "Account", "accounts",
          "accountid", "name", io.fmap.schema.Ownership.USER, false, false, List.of(), List.of())), List.of(), null);
      try (DataverseTargetConnector c = DataverseTargetConnector.open(config, schema, RetryPolicy.DEFAULT,
          new LinkOnlyFileStore("bench-files"))) {
        // The input exists before the last settle, so the collector has moved it out of the young generation:
        // a migration's source rows stream through, they are not a 20,000-row list copied by every young GC.
        List<RowWrite> rows = accounts("S", o.rows());
        String settled = warmUp(c, o); // JIT; not timed
        CpuSplit cpu = new CpuSplit();
        long start = System.nanoTime();
        List<WriteResult> results = c.write("account", rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        String split = "  " + settled + "\n" + cpu.report(rows.size());
        long failed = results.stream().filter(r -> !r.ok()).count();
        int inFlight = c.clients().stream().mapToInt(x -> x.gate().maxInFlight()).max().orElse(0);
        return new Run(rows.size(), seconds, failed, 0, 0, inFlight, split);
      }
    }
  }

  private static void report(Run r) {
    System.out.printf(Locale.ROOT, "  %d rows in %.2f s = %.0f rows/s; failed rows %d; rows in target %d; 429s %d;"
        + " most requests in flight %d%n", r.rows(), r.seconds(), r.rowsPerSecond(), r.failed(), r.inTarget(),
        r.throttled(), r.maxInFlight());
    System.out.println(r.cpu());
  }

  static Run load(Options o, Limits limits, int batch) throws Exception {
    Map<String, String> clients = new LinkedHashMap<>();
    for (int i = 1; i <= o.identities(); i++) clients.put("bench-" + i, "bench-secret-" + i);
    // The emulator starts without limits for the schema and the warm-up; the measured load then gets
    // fresh windows under the profile asked for (DataverseEmulator.limits resets them).
    EmulatorConfig ec = EmulatorConfig.defaults().withLimits(Limits.none()).withClients(clients)
        .withKeyActivation(Duration.ZERO);
    try (DataverseEmulator dv = DataverseEmulator.start(ec)) {
      List<Identity> ids = new ArrayList<>();
      clients.forEach((id, secret) -> ids.add(new Identity(id, "BENCH_SECRET", Secret.of(secret))));
      URI url = URI.create(dv.rootUrl());
      DataverseConfig config = new DataverseConfig(url, "v9.2", URI.create(dv.tokenUrl(TENANT)), url + "/.default", ids,
          batch, Math.min(limits.concurrent(), 64), false, false, null);
      SystemSchema schema = prepare(config);
      List<RowWrite> rows = accounts("S", o.rows()); // before the warm-up's last settle, as in loadIntoNull
      String settled;
      try (DataverseTargetConnector c = DataverseTargetConnector.open(config, schema, RetryPolicy.DEFAULT,
          new LinkOnlyFileStore("bench-files"))) {
        settled = warmUp(c, o); // JIT of both sides; not timed, its own connector and gate
      }
      dv.limits(limits);
      try (DataverseTargetConnector c = DataverseTargetConnector.open(config, schema, RetryPolicy.DEFAULT,
          new LinkOnlyFileStore("bench-files"))) {
        long before = dv.stats().throttled();
        CpuSplit cpu = new CpuSplit();
        long start = System.nanoTime();
        List<WriteResult> results = c.write("account", rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        String split = "  " + settled + "\n" + cpu.report(rows.size());
        long failed = results.stream().filter(r -> !r.ok()).count();
        int inFlight = c.clients().stream().mapToInt(x -> x.gate().maxInFlight()).max().orElse(0);
        return new Run(rows.size(), seconds, failed, dv.count("account"), dv.stats().throttled() - before, inFlight, split);
      }
    }
  }

  /** The untimed warm-up in rounds of about {@link #WARMUP_ROUND_ROWS} rows, each followed by {@link Settle#afterWarmUp}; says how each settled. */
  static String warmUp(DataverseTargetConnector c, Options o) throws Exception {
    List<String> settled = new ArrayList<>();
    int rounds = Math.max(1, o.warmup() / WARMUP_ROUND_ROWS);
    for (int round = 1; round <= rounds; round++) {
      int n = o.warmup() / rounds + (round == rounds ? o.warmup() % rounds : 0);
      c.write("account", accounts("W" + round + "-", n));
      settled.add(Settle.afterWarmUp());
    }
    return "warm-up of " + o.warmup() + " rows in " + rounds + " rounds, each settled: " + String.join("; ", settled);
  }

  /** Adds the source-id column and its alternate key to account, then pulls the schema the connector uses. */
  static SystemSchema prepare(DataverseConfig config) throws Exception {
    DataverseClient client = DataverseClient.open(config, config.identities().get(0), RetryPolicy.DEFAULT, new Redactor());
    SchemaPuller puller = new SchemaPuller(client);
    SystemSchema now = puller.pull(List.of("account"));
    Table account = now.table("account").orElseThrow();
    List<Column> columns = new ArrayList<>(account.columns());
    columns.add(new Column("fmap_sourceid", "Source id", ColumnType.TEXT, 100, null, null, null, RequiredLevel.NONE,
        true, true, List.of(), List.of(), true));
    List<AlternateKey> keys = List.of(new AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid")));
    Table wanted = new Table(account.name(), account.displayName(), account.entitySetName(), account.primaryIdColumn(),
        account.primaryNameColumn(), account.ownership(), false, false, columns, keys);
    SystemSchema desired = new SystemSchema("dynamics", List.of(wanted), List.of(), now.settings());
    new SchemaApplier(client, null, Duration.ofMillis(100), 100).apply(SchemaDiff.between(desired, now));
    return puller.pull(List.of("account"));
  }

  static List<RowWrite> accounts(String prefix, int n) {
    List<RowWrite> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = prefix + i;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", "Account " + id);
      body.put("telephone1", "+1 555 " + (1000 + i % 9000));
      body.put("address1_city", "Springfield");
      rows.add(new RowWrite(id, RowAddress.ByKey.of("fmap_sourceid", id), body));
    }
    return rows;
  }
}
