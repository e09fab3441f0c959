package io.fmap.runtime.dataverse;

import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.Ownership;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * A scripted Dataverse on loopback for wire-level tests: the token endpoint answers, every other
 * request goes to the test's handler. The real emulator covers behaviour; this pins requests.
 */
final class FakeOrg implements AutoCloseable {
  static final String SECRET = "s3cret-client-value";
  static final String TOKEN_PREFIX = "bearer-token-";

  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  volatile int tokensIssued;
  private volatile Function<RecordedRequest, MockResponse> handler = r -> json(404, "{}");

  FakeOrg() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest r) {
        if (r.getUrl().encodedPath().endsWith("/oauth2/v2.0/token")) {
          int n;
          synchronized (FakeOrg.this) { n = ++tokensIssued; }
          return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + TOKEN_PREFIX + n + "\"}");
        }
        requests.add(r);
        return handler.apply(r);
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  void handle(Function<RecordedRequest, MockResponse> h) { this.handler = h; }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; odata.metadata=minimal")
        .body(body).build();
  }

  static MockResponse error(int code, String hex, String message) {
    return json(code, "{\"error\":{\"code\":\"" + hex + "\",\"message\":\"" + message + "\"}}");
  }

  DataverseConfig config(int batchSize, int parallelism) {
    URI url = URI.create(server.url("/").toString());
    return new DataverseConfig(url, "v9.2", URI.create(server.url("/tenant/oauth2/v2.0/token").toString()),
        url + ".default", List.of(new Identity("app-1", "FMAP_SECRET", Secret.of(SECRET))), batchSize, parallelism,
        false, false, null);
  }

  static final RetryPolicy FAST =
      new RetryPolicy(4, 20, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(20), Duration.ofSeconds(5));

  DataverseClient client(DataverseConfig config) {
    Redactor redactor = new Redactor();
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(FAST.readTimeout()).build();
    TokenProvider tokens = new TokenProvider(http, config.tokenUrl(), config.scope(), config.identities().get(0),
        redactor, Clock.systemUTC());
    return new DataverseClient("app-1", http, config, tokens, new ThrottleGate(config.maxParallelism()), FAST,
        redactor);
  }

  final io.fmap.runtime.target.LinkOnlyFileStore files = new io.fmap.runtime.target.LinkOnlyFileStore("https://files.example/crm");

  DataverseTargetConnector connector(DataverseConfig config, boolean bulk, boolean batch) {
    return new DataverseTargetConnector(config, SCHEMA, List.of(client(config)),
        new ChunkWriter(new BulkSupport(), bulk, batch), files);
  }

  /** account with an alternate key on fmap_sourceid; task as an activity. */
  static final SystemSchema SCHEMA = new SystemSchema("dynamics", List.of(
      new Table("account", "Account", "accounts", "accountid", "name", Ownership.USER, false, false,
          List.of(Column.of("name", ColumnType.TEXT), Column.of("fmap_sourceid", ColumnType.TEXT)),
          List.of(new io.fmap.schema.AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid")))),
      new Table("task", "Task", "tasks", "activityid", "subject", Ownership.USER, true, false,
          List.of(Column.of("subject", ColumnType.TEXT), Column.of("statecode", ColumnType.STATE),
              Column.of("statuscode", ColumnType.STATUS)), List.of()),
      new Table("systemuser", "User", "systemusers", "systemuserid", "fullname", Ownership.NONE, false, false,
          List.of(), List.of()),
      new Table("annotation", "Note", "annotations", "annotationid", "subject", Ownership.USER, false, false,
          List.of(Column.of("subject", ColumnType.TEXT), Column.of("notetext", ColumnType.MEMO),
              Column.of("documentbody", ColumnType.MEMO)), List.of())),
      List.of(), new java.util.TreeMap<>(Map.of("maxuploadfilesize", "6000000")));

  @Override public void close() { server.close(); }
}
