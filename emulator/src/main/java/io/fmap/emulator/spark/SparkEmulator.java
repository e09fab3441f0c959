package io.fmap.emulator.spark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Spark CRM export API ({@code docs/spark-export-format.md}) over the JDK's HTTP server,
 * serving an export folder: cursor paging, {@code updated_since}, bearer auth, a rate limit with
 * 429 + Retry-After. Admin endpoints under {@code /_emulator/} let tests change records
 * ({@code touch}), add records ({@code create}) and inject failures ({@code faults}).
 */
public final class SparkEmulator implements AutoCloseable {
  private static final String API = "/api/v1/";

  private final SparkData data;
  private final SparkEmulatorConfig config;
  private final RateLimit rateLimit;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final HttpServer server;
  private final ExecutorService pool;

  /** A status to answer instead of serving, once per request, in order. */
  private record Fault(int status, long retryAfterSeconds) {}

  private SparkEmulator(SparkData data, SparkEmulatorConfig config, InetSocketAddress address) throws IOException {
    this.data = data;
    this.config = config;
    this.rateLimit = new RateLimit(config.requestsPerSecond());
    this.server = HttpServer.create(address, 64);
    this.pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "spark-emulator");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
  }

  /** Starts serving {@code dataDir} on {@code host:port} (port 0: an ephemeral port). */
  public static SparkEmulator start(Path dataDir, String host, int port, SparkEmulatorConfig config) throws IOException {
    SparkEmulator emulator = new SparkEmulator(new SparkData(dataDir), config, new InetSocketAddress(host, port));
    emulator.server.start();
    return emulator;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /** Lines of the export that are not records and are not served. */
  public List<String> skippedLines() {
    return data.skippedLines();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!authorized(exchange)) {
        error(exchange, 401, "missing or wrong bearer token");
        return;
      }
      if (path.startsWith("/_emulator/")) {
        admin(exchange, path, query);
        return;
      }
      Fault fault;
      synchronized (faults) {
        fault = faults.poll();
      }
      if (fault != null) {
        if (fault.status() == 429) exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfterSeconds()));
        error(exchange, fault.status(), "injected fault");
        return;
      }
      long wait = rateLimit.admit(System.currentTimeMillis());
      if (wait > 0) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(wait));
        error(exchange, 429, "rate limit of " + config.requestsPerSecond() + " requests per second exceeded");
        return;
      }
      api(exchange, path, query);
    } catch (RuntimeException e) {
      // A bug in the emulator must still answer, so the connector under test reports it.
      error(exchange, 500, e.toString());
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) return false;
    // Constant time, as a real service compares secrets.
    return MessageDigest.isEqual(header.substring(7).getBytes(StandardCharsets.UTF_8),
        config.token().getBytes(StandardCharsets.UTF_8));
  }

  private void api(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      error(exchange, 405, "the export API is read-only");
      return;
    }
    if (!path.startsWith(API)) {
      error(exchange, 404, "no such path: " + path);
      return;
    }
    String[] parts = path.substring(API.length()).split("/", -1);
    if (parts.length == 1 && parts[0].equals("schema")) {
      json(exchange, 200, data.schemaJson());
    } else if (parts.length == 3 && parts[0].equals("files") && parts[2].equals("content")) {
      file(exchange, URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    } else if (parts.length == 1 && data.has(parts[0])) {
      page(exchange, parts[0], query);
    } else if (parts.length == 2 && parts[1].equals("count") && data.has(parts[0])) {
      Optional<Instant> since = since(exchange, query);
      if (since != null) json(exchange, 200, "{\"count\":" + data.count(parts[0], since.orElse(null)) + "}");
    } else {
      error(exchange, 404, "no such path: " + path);
    }
  }

  private void page(HttpExchange exchange, String collection, Map<String, String> query) throws IOException {
    int limit;
    try {
      limit = Integer.parseInt(query.getOrDefault("limit", "100"));
    } catch (NumberFormatException e) {
      error(exchange, 400, "limit must be a whole number");
      return;
    }
    if (limit < 1) {
      error(exchange, 400, "limit must be at least 1");
      return;
    }
    String after = null;
    if (query.containsKey("cursor")) {
      try {
        after = new String(Base64.getUrlDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        error(exchange, 400, "cursor is not one this API gave out");
        return;
      }
    }
    Optional<Instant> since = since(exchange, query);
    if (since == null) return;
    SparkData.Page page = data.page(collection, after, Math.min(limit, config.maxPageSize()), since.orElse(null));
    StringBuilder body = new StringBuilder(64 + page.records().stream().mapToInt(String::length).sum() + page.records().size());
    body.append("{\"data\":[");
    for (int i = 0; i < page.records().size(); i++) {
      if (i > 0) body.append(',');
      body.append(page.records().get(i));
    }
    body.append("],\"next_cursor\":");
    if (page.nextCursor() == null) body.append("null");
    else body.append('"').append(Base64.getUrlEncoder().withoutPadding()
        .encodeToString(page.nextCursor().getBytes(StandardCharsets.UTF_8))).append('"');
    json(exchange, 200, body.append('}').toString());
  }

  /** The parsed updated_since; null after answering 400 for a malformed one. */
  private Optional<Instant> since(HttpExchange exchange, Map<String, String> query) throws IOException {
    String value = query.get("updated_since");
    if (value == null) return Optional.empty();
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      error(exchange, 400, "updated_since must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
      return null;
    }
  }

  private void file(HttpExchange exchange, String id) throws IOException {
    Optional<SparkData.Body> body = data.body(id);
    if (body.isEmpty()) {
      error(exchange, 404, "no file body for " + id);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", body.get().mimeType());
    exchange.sendResponseHeaders(200, body.get().size() == 0 ? -1 : body.get().size());
    try (InputStream in = body.get().content(); OutputStream out = exchange.getResponseBody()) {
      in.transferTo(out);
    }
  }

  private void admin(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      error(exchange, 405, "admin endpoints take POST");
      return;
    }
    try {
      switch (path) {
        case "/_emulator/touch", "/_emulator/create" -> {
          String collection = collectionOf(query.getOrDefault("object", ""));
          if (collection == null) {
            error(exchange, 400, "object must name a Spark object or collection, such as Contact");
            return;
          }
          boolean create = path.equals("/_emulator/create");
          int count = Integer.parseInt(query.getOrDefault("count", "1"));
          List<String> ids = create ? data.create(collection, count) : data.touch(collection, count);
          json(exchange, 200, "{\"" + (create ? "created" : "touched") + "\":" + ids.size() + ",\"ids\":["
              + String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]}");
        }
        case "/_emulator/faults" -> {
          int status = Integer.parseInt(query.getOrDefault("status", "503"));
          int count = Integer.parseInt(query.getOrDefault("count", "1"));
          long retryAfter = Long.parseLong(query.getOrDefault("retry_after", "1"));
          synchronized (faults) {
            for (int i = 0; i < count; i++) faults.add(new Fault(status, retryAfter));
          }
          json(exchange, 200, "{\"queued\":" + count + "}");
        }
        default -> error(exchange, 404, "no such admin endpoint: " + path);
      }
    } catch (NumberFormatException e) {
      error(exchange, 400, "count, status and retry_after must be whole numbers");
    }
  }

  /** Accepts the object name (Contact) or its collection (contacts). */
  private String collectionOf(String object) {
    if (data.has(object)) return object;
    for (String candidate : List.of(object.toLowerCase(java.util.Locale.ROOT) + "s",
        object.toLowerCase(java.util.Locale.ROOT).replaceAll("y$", "ies"))) {
      if (data.has(candidate)) return candidate;
    }
    return null;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return q;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      q.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }
}
