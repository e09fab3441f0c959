package io.fmap.runtime.dataverse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Web API as one identity sees it: every request gets the OData headers, a bearer token and a
 * throttle-gate slot; 429s wait exactly {@code Retry-After}; 401 refreshes the token once; 5xx and
 * broken connections are retried with backoff when the request is repeatable.
 */
public final class DataverseClient {
  private static final System.Logger LOG = System.getLogger(DataverseClient.class.getName());

  private final OkHttpClient http;
  private final String apiRoot;
  private final TokenProvider tokens;
  private final ThrottleGate gate;
  private final RetryPolicy retry;
  private final Redactor redactor;
  private final Map<String, String> writeHeaders;
  private final String name;

  public DataverseClient(String name, OkHttpClient http, DataverseConfig config, TokenProvider tokens,
                         ThrottleGate gate, RetryPolicy retry, Redactor redactor) {
    this.name = name;
    this.http = http;
    this.apiRoot = config.apiRoot();
    this.tokens = tokens;
    this.gate = gate;
    this.retry = retry;
    this.redactor = redactor;
    this.writeHeaders = writeHeaders(config);
  }

  /** A client for one identity with its own connection pool, token provider and throttle gate. */
  public static DataverseClient open(DataverseConfig config, Identity identity, RetryPolicy retry, Redactor redactor) {
    // No cookie jar: without the ARR affinity cookie requests spread over the org's web servers.
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new okhttp3.ConnectionPool(config.maxParallelism(), 5, java.util.concurrent.TimeUnit.MINUTES))
        .readTimeout(retry.readTimeout())
        .build();
    TokenProvider tokens = new TokenProvider(http, config.tokenUrl(), config.scope(), identity, redactor,
        java.time.Clock.systemUTC());
    return new DataverseClient(identity.clientId(), http, config, tokens, new ThrottleGate(config.maxParallelism()),
        retry, redactor);
  }

  /** Headers every write carries, on the request itself or on each {@code $batch} part. */
  static Map<String, String> writeHeaders(DataverseConfig config) {
    Map<String, String> h = new LinkedHashMap<>();
    if (config.bypassBusinessLogic()) h.put("MSCRM.BypassBusinessLogicExecution", "CustomSync,CustomAsync");
    if (config.suppressPowerAutomate()) h.put("MSCRM.SuppressCallbackRegistrationExpanderJob", "true");
    return Map.copyOf(h);
  }

  public Map<String, String> writeHeaders() { return writeHeaders; }

  public String apiRoot() { return apiRoot; }

  public ThrottleGate gate() { return gate; }

  public String name() { return name; }

  public ApiResponse send(ApiRequest request) throws IOException {
    int transientFailures = 0;
    int throttled = 0;
    boolean refreshed = false;
    while (true) {
      String token = tokens.token();
      ApiResponse response;
      gate.acquire(retry.maxGateWait());
      try {
        response = execute(request, token);
      } catch (IOException e) {
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) throw e;
        if (!request.repeatable()) {
          throw new OutcomeUnknownException(describe(request) + ": connection failed (" + e.getMessage()
              + "); the server may or may not have applied it", e);
        }
        if (++transientFailures >= retry.transientAttempts()) {
          throw new IOException(describe(request) + ": gave up after " + transientFailures
              + " connection failures: " + redactor.clean(e.getMessage()), e);
        }
        pause(retry.backoff(transientFailures - 1));
        continue;
      } finally {
        gate.release();
      }
      String hint = response.header("x-ms-dop-hint");
      if (hint != null) gate.onDopHint(parseInt(hint, 0));
      if (response.code() == 429) {
        Duration wait = retryAfter(response.header("Retry-After"), throttled);
        gate.onThrottled(wait);
        if (++throttled >= retry.throttledAttempts()) {
          throw new IOException(describe(request) + ": still throttled after " + throttled + " attempts: "
              + redactor.clean(response.error().toString()));
        }
        LOG.log(System.Logger.Level.DEBUG, "{0}: 429, waiting {1} ms", name, wait.toMillis());
        continue; // the gate holds every request of this identity until the pause is over
      }
      if (response.code() == 401 && !refreshed) {
        refreshed = true;
        tokens.invalidate(token);
        continue;
      }
      if (response.code() >= 500) {
        if (!request.repeatable()) {
          throw new OutcomeUnknownException(describe(request) + ": " + redactor.clean(response.error().toString())
              + "; the server may or may not have applied it", null);
        }
        if (++transientFailures >= retry.transientAttempts()) return response;
        pause(retry.backoff(transientFailures - 1));
        continue;
      }
      gate.onSuccess();
      return response;
    }
  }

  private ApiResponse execute(ApiRequest request, String token) throws IOException {
    String url = request.path().startsWith("http") ? request.path() : apiRoot + request.path();
    Request.Builder b = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("OData-MaxVersion", "4.0")
        .header("OData-Version", "4.0");
    RequestBody body = null;
    if (request.body() != null) {
      body = RequestBody.create(request.body(), MediaType.get(request.contentType()));
      writeHeaders.forEach(b::header);
    } else if (request.method().equals("GET")) {
      b.header("If-None-Match", "null"); // the fact sheet's advice: never a cached collection
    }
    request.headers().forEach(b::header);
    b.method(request.method(), body);
    try (Response r = http.newCall(b.build()).execute()) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (String n : r.headers().names()) headers.put(n, r.header(n));
      String text = r.body().string();
      // Error text is shown to people and stored in the ledger; a server or proxy may echo our credentials.
      return new ApiResponse(r.code(), headers, r.code() >= 400 ? redactor.clean(text) : text);
    }
  }

  /** {@code Retry-After} in seconds, as Dataverse sends it; without one, 2^n seconds like the official sample. */
  static Duration retryAfter(String header, int attempt) {
    if (header != null) {
      try {
        double seconds = Double.parseDouble(header.trim());
        if (seconds >= 0) return Duration.ofMillis((long) Math.ceil(seconds * 1000));
      } catch (NumberFormatException httpDate) {
        // an HTTP-date form is legal but Dataverse does not send it: fall back below
      }
    }
    return Duration.ofSeconds(1L << Math.min(attempt, 6));
  }

  private static void pause(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during backoff");
    }
  }

  private static int parseInt(String s, int fallback) {
    try { return Integer.parseInt(s.trim()); } catch (NumberFormatException e) { return fallback; }
  }

  private static String describe(ApiRequest request) {
    String path = request.path();
    int q = path.indexOf('?');
    return request.method() + " " + (q < 0 ? path : path.substring(0, q));
  }
}
