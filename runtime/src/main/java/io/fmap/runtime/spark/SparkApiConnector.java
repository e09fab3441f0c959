package io.fmap.runtime.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.source.MalformedRecord;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.source.SourceException;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.spark.SparkSchemaReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads Spark through its export API ({@code docs/spark-export-format.md}): cursor paging,
 * {@code updated_since}, a bearer token from the environment, bounded retries that honour
 * {@code Retry-After}. One page is held in memory at a time. Thread-safe: several objects may be
 * read at once (see {@link io.fmap.runtime.source.ParallelReads}).
 */
public final class SparkApiConnector implements SourceConnector {
  private final SparkApiConfig config;
  private final OkHttpClient http;
  private volatile SparkSchemaReader.Export export;

  /** Reads the token from the process environment. */
  public SparkApiConnector(SparkApiConfig config) {
    this(config, System::getenv, d -> Thread.sleep(d.toMillis()));
  }

  SparkApiConnector(SparkApiConfig config, Function<String, String> env, RetryPolicy.Sleeper sleeper) {
    this.config = config;
    String token = env.apply(config.tokenEnv());
    if (token == null || token.isBlank()) {
      throw new SourceException("the Spark API token is missing: set the environment variable " + config.tokenEnv()
          + " to the export API token (fmap reads it only from the environment, never from a file)");
    }
    this.http = new OkHttpClient.Builder()
        .addInterceptor(new RetryPolicy(config.maxRetries(), config.initialBackoff(), config.maxWait(), sleeper))
        .addInterceptor(new BearerToken(token.trim()))
        .readTimeout(config.readTimeout())
        .build();
  }

  /** For callers holding the token already (tests, the demo): still never logged. */
  public static SparkApiConnector withToken(SparkApiConfig config, String token) {
    return new SparkApiConnector(config, name -> name.equals(config.tokenEnv()) ? token : null,
        d -> Thread.sleep(d.toMillis()));
  }

  @Override
  public SystemSchema schema() {
    return export().schema();
  }

  private SparkSchemaReader.Export export() {
    SparkSchemaReader.Export e = export;
    if (e == null) {
      String body = getText(url(config.schemaPath()));
      try {
        e = SparkSchemaReader.readExport(body);
      } catch (IOException ex) {
        throw new SourceException("GET " + config.schemaPath() + ": " + ex.getMessage(), ex);
      }
      export = e;
    }
    return e;
  }

  @Override
  public Stream<SourceRecord> records(String object, Instant updatedSince, Consumer<MalformedRecord> quarantine) {
    Iterator<SourceRecord> pages = new Pages(object, collection(object), updatedSince, quarantine);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public long count(String object, Instant updatedSince) {
    HttpUrl.Builder url = url(config.countPath().replace("{collection}", collection(object))).newBuilder();
    if (updatedSince != null) url.addQueryParameter("updated_since", updatedSince.toString());
    try (Response response = call(url.build())) {
      // A deployment without a count endpoint: count by reading, which is slower but exact.
      if (response.code() == 404) {
        try (Stream<SourceRecord> records = records(object, updatedSince, m -> { })) {
          return records.count();
        }
      }
      JsonNode answer = parse(response, url.build());
      if (!answer.path("count").canConvertToLong()) {
        throw new SourceException("GET " + url.build().encodedPath() + " did not answer {\"count\": N}");
      }
      return answer.get("count").asLong();
    }
  }

  @Override
  public InputStream openFile(String fileId) {
    String segment = URLEncoder.encode(fileId, StandardCharsets.UTF_8).replace("+", "%20");
    HttpUrl url = url(config.filePath().replace("{id}", segment));
    Response response = call(url);
    if (!response.isSuccessful()) {
      int code = response.code();
      response.close();
      throw new SourceException("GET " + url.encodedPath() + " answered " + code + explain(code));
    }
    return response.body().byteStream();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private String collection(String object) {
    try {
      return export().collection(object);
    } catch (IllegalArgumentException e) {
      throw new SourceException(e.getMessage());
    }
  }

  private HttpUrl url(String path) {
    String base = config.baseUrl().toString().replaceAll("/+$", "");
    HttpUrl url = HttpUrl.parse(base + (path.startsWith("/") ? path : "/" + path));
    if (url == null) throw new SourceException("'" + base + path + "' is not an http(s) URL: check the Spark base URL");
    return url;
  }

  private Response call(HttpUrl url) {
    try {
      return http.newCall(new Request.Builder().url(url).get().build()).execute();
    } catch (IOException e) {
      throw new SourceException("GET " + url.encodedPath() + " failed after " + config.maxRetries() + " retries: "
          + e.getMessage() + "; check that " + url.host() + ":" + url.port() + " is reachable", e);
    }
  }

  private String getText(HttpUrl url) {
    try (Response response = call(url)) {
      if (!response.isSuccessful()) {
        throw new SourceException("GET " + url.encodedPath() + " answered " + response.code() + explain(response.code()));
      }
      return response.body().string();
    } catch (IOException e) {
      throw new SourceException("GET " + url.encodedPath() + ": the answer broke off: " + e.getMessage(), e);
    }
  }

  private JsonNode parse(Response response, HttpUrl url) {
    if (!response.isSuccessful()) {
      throw new SourceException("GET " + url.encodedPath() + " answered " + response.code() + explain(response.code()));
    }
    try {
      return SparkRecords.MAPPER.readTree(response.body().byteStream());
    } catch (IOException e) {
      throw new SourceException("GET " + url.encodedPath() + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  private String explain(int code) {
    return switch (code) {
      case 401, 403 -> ": the token in " + config.tokenEnv() + " was refused; check that it is current and may export";
      case 404 -> ": check the export API paths configured for this deployment";
      case 429 -> " still after " + config.maxRetries() + " retries: lower the parallelism or raise the plan's rate limit";
      default -> code >= 500 ? " after " + config.maxRetries() + " retries: the Spark service is failing; try again later" : "";
    };
  }

  /** One page ahead: fetches the next page when the current one is used up. */
  private final class Pages implements Iterator<SourceRecord> {
    private final String object;
    private final String collection;
    private final Instant since;
    private final Consumer<MalformedRecord> quarantine;
    private final Deque<SourceRecord> page = new ArrayDeque<>();
    private String cursor;
    private boolean last;
    private int pageNumber;

    Pages(String object, String collection, Instant since, Consumer<MalformedRecord> quarantine) {
      this.object = object;
      this.collection = collection;
      this.since = since;
      this.quarantine = quarantine;
    }

    @Override
    public boolean hasNext() {
      // Bounded: every round either ends or advances the cursor (a repeated cursor is an error).
      while (page.isEmpty() && !last) fetch();
      return !page.isEmpty();
    }

    private void fetch() {
      HttpUrl.Builder b = url(config.recordsPath().replace("{collection}", collection)).newBuilder()
          .addQueryParameter("limit", Integer.toString(config.pageSize()));
      if (cursor != null) b.addQueryParameter("cursor", cursor);
      if (since != null) b.addQueryParameter("updated_since", since.toString());
      HttpUrl url = b.build();
      pageNumber++;
      JsonNode answer;
      try (Response response = call(url)) {
        answer = parse(response, url);
      }
      JsonNode data = answer.get("data");
      if (data == null || !data.isArray()) {
        throw new SourceException("GET " + url.encodedPath() + " (page " + pageNumber + ") has no \"data\" array");
      }
      int i = 0;
      for (JsonNode item : data) {
        i++;
        String problem = SparkRecords.problem(item);
        if (problem != null) {
          quarantine.accept(new MalformedRecord(object, "GET " + url.encodedPath() + " page " + pageNumber + " item " + i,
              problem, item.toString()));
        } else {
          page.add(SparkRecords.toRecord(object, item));
        }
      }
      JsonNode next = answer.get("next_cursor");
      String nextCursor = next == null || next.isNull() ? null : next.asText();
      if (nextCursor != null && nextCursor.equals(cursor)) {
        throw new SourceException("GET " + url.encodedPath() + " returned the same cursor twice; the export API is not paging");
      }
      cursor = nextCursor;
      last = nextCursor == null || nextCursor.isEmpty();
    }

    @Override
    public SourceRecord next() {
      if (!hasNext()) throw new NoSuchElementException();
      return page.poll();
    }
  }
}
