package io.fmap.emulator.dataverse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The socket side: routes the token endpoint, the admin endpoints and the Web API, and wraps
 * every Web API request in the same chain as the service: authentication, service protection,
 * injected faults, then the API itself, then the response headers a client reads.
 */
final class HttpFrontEnd implements HttpHandler {
  private static final Pattern API = Pattern.compile("^/api/data/v9\\.[0-9]/?(.*)$");
  private static final Pattern TOKEN = Pattern.compile("^/[^/]+/oauth2/v2\\.0/token$");
  private static final long MAX_BODY = 128L * 1024 * 1024;

  private final DataverseEmulator emulator;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong faults = new AtomicLong();

  HttpFrontEnd(DataverseEmulator emulator) { this.emulator = emulator; }

  /** Thrown after a deliberately partial answer: the server then closes the connection. */
  private static final class CutConnection extends IOException {
    CutConnection() { super("fault injection: connection cut", null); }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    boolean cut = false;
    try {
      byte[] body = readBody(exchange);
      if (body == null) {
        send(exchange, ApiResponse.error(new DataverseError(413, "", "The request body is larger than 128 MB.")), false);
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
      Matcher api = API.matcher(path);
      if (api.matches()) {
        api(exchange, method, api.group(1), body);
      } else if (TOKEN.matcher(path).matches() && method.equals("POST")) {
        send(exchange, emulator.tokens().token(new String(body, StandardCharsets.UTF_8)), false);
      } else if (path.equals("/_emulator/stats") && method.equals("GET")) {
        send(exchange, ApiResponse.json(200, Json.write(emulator.stats().toJson()), 0), false);
      } else if (path.equals("/_emulator/reset") && method.equals("POST")) {
        emulator.reset();
        send(exchange, ApiResponse.noContent(0), false);
      } else {
        send(exchange, ApiResponse.error(new DataverseError(404, "", "No resource at " + path
            + "; the Web API is under /api/data/v9.2/.")), false);
      }
    } catch (CutConnection e) {
      // An exception escaping the handler makes the JDK server close the socket: the cut the client sees.
      cut = true;
      throw e;
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } catch (RuntimeException e) {
      // A bug in the emulator: answer 500 like the service's generic failure rather than dropping the socket.
      send(exchange, ApiResponse.error(new DataverseError(500, "0x80040216", "An unexpected error occurred: " + e)), false);
    } finally {
      if (!cut) exchange.close();
    }
  }

  private void api(HttpExchange exchange, String method, String rest, byte[] body) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    String identity;
    UUID caller;
    if (emulator.config().auth()) {
      String client = emulator.tokens().clientOf(exchange.getRequestHeaders().getFirst("Authorization")).orElse(null);
      if (client == null) {
        ApiResponse unauthorized = new ApiResponse(401, Map.of("WWW-Authenticate",
            "Bearer authorization_uri=" + emulator.authorityUrl() + ", resource_id=" + emulator.rootUrl()), null, 0);
        send(exchange, unauthorized, false);
        return;
      }
      identity = client;
      caller = Seed.appUser(client);
    } else {
      identity = "anonymous";
      caller = Seed.appUser(emulator.config().clients().keySet().stream().sorted().findFirst().orElse("fmap-demo"));
    }
    long n = requests.incrementAndGet();
    ServiceProtection.Admission admission = emulator.protection().admit(identity);
    if (admission instanceof ServiceProtection.Refusal refusal) {
      throttled.incrementAndGet();
      ApiResponse r = ApiResponse.error(refusal.error()).withHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
      send(exchange, withServiceHeaders(r, null), false);
      return;
    }
    ServiceProtection.Permit permit = (ServiceProtection.Permit) admission;
    long admitted = System.nanoTime();
    ApiResponse response = null;
    Faults.Kind fault = emulator.config().faults().decide(n);
    try {
      if (fault != Faults.Kind.NONE) faults.incrementAndGet();
      if (fault == Faults.Kind.ERROR_500) {
        response = ApiResponse.error(new DataverseError(500, "0x80040216", "An unexpected error occurred."));
      } else if (fault == Faults.Kind.ERROR_503) {
        response = ApiResponse.error(new DataverseError(503, "", "The service is temporarily unavailable. Please try again later."));
      } else {
        if (fault == Faults.Kind.SLOW) {
          sleep(emulator.config().faults().slowMillis());
          admitted = System.nanoTime(); // a slow fault comes on top of the modelled time
        }
        ApiRequest request = new ApiRequest(method, rest, parseQuery(exchange.getRequestURI().getRawQuery()), headers, body,
            caller, Map.of());
        response = emulator.api().handle(request);
      }
      if (emulator.protection().limits().latency()) {
        // The model gives the request's whole server time: the emulator's own work is part of it, not added to it.
        long spent = (System.nanoTime() - admitted) / 1_000_000;
        sleep(Math.min(10_000, permit.cost(response.rows())) - spent);
      }
    } finally {
      permit.release(response == null ? 0 : response.rows());
    }
    send(exchange, withServiceHeaders(response, permit), fault == Faults.Kind.DROP_CONNECTION);
  }

  private ApiResponse withServiceHeaders(ApiResponse r, ServiceProtection.Permit permit) {
    ApiResponse out = r.withHeader("x-ms-dop-hint", String.valueOf(emulator.protection().limits().dopHint()))
        .withHeader("REQ_ID", UUID.randomUUID().toString());
    long[] remaining = permit == null ? null : permit.remaining();
    if (remaining != null) {
      out = out.withHeader("x-ms-ratelimit-burst-remaining-xrm-requests", String.valueOf(remaining[0]))
          .withHeader("x-ms-ratelimit-time-remaining-xrm-requests", String.valueOf(remaining[1]));
    }
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(Math.max(0, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      long declared = contentLength(exchange);
      if (declared > MAX_BODY) return null;
      if (declared >= 0) {
        // One array of the declared size instead of readNBytes' chunk list and its copy.
        byte[] data = new byte[(int) declared];
        int read = in.readNBytes(data, 0, data.length);
        return read == data.length ? data : java.util.Arrays.copyOf(data, read);
      }
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BODY + 1));
      return data.length > MAX_BODY ? null : data;
    }
  }

  /** The request's Content-Length, or -1 when it has none (chunked) or it is not a number. */
  private static long contentLength(HttpExchange exchange) {
    String v = exchange.getRequestHeaders().getFirst("Content-Length");
    if (v == null) return -1;
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Writes the answer; with {@code cut}, only half the body goes out before the connection closes. */
  private static void send(HttpExchange exchange, ApiResponse r, boolean cut) throws CutConnection {
    try {
      r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] body = r.body();
      boolean bodyless = r.status() == 204 || r.status() == 304 || body.length == 0;
      if (cut && bodyless) throw new CutConnection();
      if (r.status() == 204 || r.status() == 304 || body.length == 0) {
        exchange.sendResponseHeaders(r.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(r.status(), body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, cut ? body.length / 2 : body.length);
      out.flush();
      if (cut) throw new CutConnection();
      out.close();
    } catch (CutConnection e) {
      throw e;
    } catch (IOException e) {
      // The client left.
    }
  }

  /** Decodes a raw query string into options; {@code +} stays a plus, as OData clients send %20 for spaces. */
  static Map<String, String> parseQuery(String raw) {
    if (raw == null || raw.isEmpty()) return Map.of();
    Map<String, String> out = new HashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.put(k, v);
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

}
