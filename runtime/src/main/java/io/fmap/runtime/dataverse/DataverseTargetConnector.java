package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.target.CurrentRow;
import io.fmap.runtime.target.LargeFileStore;
import io.fmap.runtime.target.Link;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.TargetConnector;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Dataverse Web API behind {@link TargetConnector}: rows are cut into chunks of the configured
 * batch size and written in parallel, each chunk through the identity whose throttle gate has the
 * most room (service-protection limits are per user, so identities add up).
 */
public final class DataverseTargetConnector implements TargetConnector {
  private static final int MAX_PAGE = 5000;
  /** The column a note's file body travels in, Base64 (the file pass writes it alone). */
  static final String FILE_COLUMN = "documentbody";
  /**
   * File bodies one write request carries at most, in characters of Base64: two bodies of the largest size
   * sent inline ({@link AnnotationUploader#BLOCK}). Dataverse documents no cap below 128 MB, but a request's
   * time grows with its body, and one whose answer is lost is sent again whole.
   */
  static final long FILE_CHARS_PER_REQUEST = 2L * AnnotationUploader.BLOCK;
  /** Dataverse's default {@code maxuploadfilesize} (5 MB of Base64) when the snapshot does not say. */
  static final String DEFAULT_MAX_UPLOAD = "5242880";

  private final DataverseConfig config;
  private final SystemSchema schema;
  private final List<DataverseClient> clients;
  private final ChunkWriter writer;
  private final ExecutorService pool;
  private final AtomicInteger nextClient = new AtomicInteger();
  private final LargeFileStore files;
  private final long maxUpload;

  DataverseTargetConnector(DataverseConfig config, SystemSchema schema, List<DataverseClient> clients,
                           ChunkWriter writer, LargeFileStore files) {
    this.config = config;
    this.files = files;
    this.maxUpload = Long.parseLong(schema.settings().getOrDefault("maxuploadfilesize", DEFAULT_MAX_UPLOAD));
    this.schema = schema;
    this.clients = List.copyOf(clients);
    this.writer = writer;
    int threads = clients.stream().mapToInt(c -> c.gate().cap()).sum();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fmap-dataverse-writer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A connector with one HTTP client, token provider and throttle gate per configured identity.
   *
   * @param files where notes go whose file is larger than the org's {@code maxuploadfilesize}
   */
  public static DataverseTargetConnector open(DataverseConfig config, SystemSchema schema, RetryPolicy retry,
                                              LargeFileStore files) {
    Redactor redactor = new Redactor();
    List<DataverseClient> clients = new ArrayList<>();
    for (Identity id : config.identities()) clients.add(DataverseClient.open(config, id, retry, redactor));
    return new DataverseTargetConnector(config, schema, clients, new ChunkWriter(new BulkSupport(), true, true),
        files);
  }

  public List<DataverseClient> clients() { return clients; }

  @Override
  public List<WriteResult> write(String tableName, List<RowWrite> rows) throws IOException {
    Table table = table(tableName);
    List<PreparedRow> first = new ArrayList<>();
    List<PreparedRow> closes = new ArrayList<>();
    List<PreparedRow> blocks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      PreparedRow[] p = RowBodies.prepare(table, i, rows.get(i));
      String file = p[0].body().path(FILE_COLUMN).asText("");
      if (file.length() > maxUpload) {
        keepOutside(table, p[0], file);
      } else if (file.length() > AnnotationUploader.BLOCK) {
        blocks.add(p[0]);
        continue;
      }
      first.add(p[0]);
      if (p.length > 1) closes.add(p[1]);
    }
    WriteResult[] results = new WriteResult[rows.size()];
    uploadInBlocks(blocks, results);
    List<WriteResult> written = writeAll(table, first);
    for (int i = 0; i < first.size(); i++) results[first.get(i).index()] = written.get(i);
    // Close activities only where the open row landed.
    List<PreparedRow> toClose = closes.stream().filter(c -> results[c.index()].ok()).toList();
    List<WriteResult> closeResults = writeAll(table, toClose);
    for (int i = 0; i < toClose.size(); i++) {
      if (!closeResults.get(i).ok()) results[toClose.get(i).index()] = closeResults.get(i);
    }
    return List.of(results);
  }

  @Override
  public List<WriteResult> writeRows(String tableName, List<TargetRow> rows) throws IOException {
    List<RowWrite> writes = new ArrayList<>(rows.size());
    for (TargetRow row : rows) {
      if (!row.table().equals(tableName)) {
        throw new IllegalArgumentException("a row of " + row.table() + " in a write to " + tableName);
      }
      writes.add(TargetRows.toWrite(row, schema));
    }
    return write(tableName, writes);
  }

  @Override
  public List<Optional<CurrentRow>> current(String tableName, List<TargetRow> rows) throws IOException {
    Table table = table(tableName);
    List<Optional<CurrentRow>> out = new ArrayList<>(rows.size());
    for (List<Optional<CurrentRow>> chunk : inChunks(rows, c -> RowStates.current(pick(), table, c), "reading " + tableName)) {
      out.addAll(chunk);
    }
    return out;
  }

  @Override
  public Map<UUID, CurrentRow> rows(String tableName, List<UUID> ids, List<String> columns) throws IOException {
    Table table = table(tableName);
    Map<UUID, CurrentRow> out = new LinkedHashMap<>();
    for (Map<UUID, CurrentRow> chunk : inChunks(ids, c -> RowStates.byId(pick(), table, c, columns),
        "reading " + tableName)) {
      out.putAll(chunk);
    }
    return out;
  }

  /** One read per chunk of {@link RowStates#CHUNK} items, the chunks in parallel; answers in chunk order. */
  private <T, R> List<R> inChunks(List<T> items, ChunkRead<T, R> read, String what) throws IOException {
    List<Future<R>> futures = new ArrayList<>();
    for (int from = 0; from < items.size(); from += RowStates.CHUNK) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + RowStates.CHUNK));
      futures.add(pool.submit((Callable<R>) () -> read.apply(chunk)));
    }
    List<R> out = new ArrayList<>(futures.size());
    try {
      for (Future<R> f : futures) out.add(join(f, what));
    } finally {
      futures.forEach(x -> x.cancel(true));
    }
    return out;
  }

  @FunctionalInterface
  private interface ChunkRead<T, R> {
    R apply(List<T> chunk) throws IOException;
  }

  /** In batches of the configured size (one request each against the limit), the batches in parallel. */
  @Override
  public List<WriteResult> changeState(String tableName, List<TargetRow> rows) throws IOException {
    Table table = table(tableName);
    List<StateChanges.Change> changes = new ArrayList<>(rows.size());
    for (TargetRow row : rows) changes.add(StateChanges.prepare(table, row));
    return inBatches(changes, (client, chunk) -> Batches.each(client, chunk, StateChanges.Change::request,
        (c, status, error) -> StateChanges.outcome(client, c, status, error)), tableName + " state");
  }

  /**
   * Independent requests, each safe to send twice, as one {@code $batch} per chunk of the configured batch size
   * (one request each against the service-protection limit), the chunks in parallel over the identities. One
   * result per item, in order; each part's answer is read as the request's own would be, and a part the batch
   * did not answer goes again alone ({@link Batches#each}). Rollback's deletes, restores and unlinks come here.
   */
  public <T> List<WriteResult> sendEach(List<T> items, Batches.Request<T> request, Batches.Outcome<T> outcome,
      String what) throws IOException {
    return inBatches(items, (client, chunk) -> Batches.each(client, chunk, request, outcome), what);
  }

  /** Chunks of the configured batch size, each through {@code send}; results in order. */
  private <T> List<WriteResult> inBatches(List<T> items, ChunkSend<T> send, String what) throws IOException {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += config.batchSize()) {
      chunks.add(items.subList(from, Math.min(items.size(), from + config.batchSize())));
    }
    return inChunks(chunks, send, what);
  }

  /** Each chunk through {@code send} with the identity that has the most room, in parallel; results in order. */
  private <T> List<WriteResult> inChunks(List<List<T>> chunks, ChunkSend<T> send, String what) throws IOException {
    List<Future<List<WriteResult>>> futures = new ArrayList<>();
    int items = 0;
    for (List<T> chunk : chunks) {
      items += chunk.size();
      futures.add(pool.submit(() -> send.apply(pick(), chunk)));
    }
    List<WriteResult> out = new ArrayList<>(items);
    try {
      for (Future<List<WriteResult>> f : futures) out.addAll(join(f, what));
    } finally {
      futures.forEach(f -> f.cancel(true));
    }
    return out;
  }

  @FunctionalInterface
  private interface ChunkSend<T> {
    List<WriteResult> apply(DataverseClient client, List<T> chunk) throws IOException;
  }

  /** Present when the pinned schema has the close table: a schema without it cannot read the closes. */
  @Override
  public Optional<String> closeRecordTable(String tableName) {
    return StateChanges.closeRecordTable(tableName).filter(t -> schema.table(t).isPresent());
  }

  /** {@code opportunitycloses?$select=activityid,_opportunityid_value&$filter=_opportunityid_value eq ...}, by chunk. */
  @Override
  public Map<UUID, Set<UUID>> closeRecords(String tableName, List<UUID> ids) throws IOException {
    Map<UUID, Set<UUID>> out = new LinkedHashMap<>();
    Optional<String> closes = closeRecordTable(tableName);
    if (closes.isEmpty()) return out;
    String id = table(closes.get()).primaryIdColumn();
    String row = "_" + StateChanges.closedRowColumn(tableName) + "_value";
    for (int from = 0; from < ids.size(); from += RowStates.CHUNK) {
      StringJoiner filter = new StringJoiner(" or ");
      ids.subList(from, Math.min(ids.size(), from + RowStates.CHUNK)).forEach(r -> filter.add(row + " eq " + r));
      read(closes.get(), List.of(id, row), filter.toString(), close -> out.computeIfAbsent(
          UUID.fromString(String.valueOf(close.get(row))), r -> new TreeSet<>()).add(UUID.fromString(String.valueOf(close.get(id)))));
    }
    return out;
  }

  /** In batches like {@link #changeState}: a link sent twice answers "duplicate key", which counts as done. */
  @Override
  public List<WriteResult> associate(String tableName, String navigationProperty, String otherTableName,
      List<Link> links) throws IOException {
    Table table = table(tableName);
    Table other = table(otherTableName);
    return inBatches(links, (client, chunk) -> Batches.each(client, chunk,
        link -> associateRequest(client, table, navigationProperty, other, link),
        DataverseTargetConnector::associated), tableName + "/" + navigationProperty);
  }

  /** {@code POST <set>(<id>)/<nav>/$ref}. */
  private static ApiRequest associateRequest(DataverseClient client, Table table, String nav, Table other, Link link)
      throws IOException {
    var body = Json.MAPPER.createObjectNode();
    body.put("@odata.id", client.apiRoot() + other.entitySetName() + "(" + link.otherId() + ")");
    String path = table.entitySetName() + "(" + link.id() + ")/" + nav + "/$ref";
    return ApiRequest.json("POST", path, Json.MAPPER.writeValueAsBytes(body), true);
  }

  /** The duplicate-key answer means the link is there already. */
  private static WriteResult associated(Link link, int status, ServerError e) {
    if (status >= 200 && status < 300) return WriteResult.written(link.label(), link.id(), status);
    if (ChunkWriter.DUPLICATE_KEY.contains(e.code())) return WriteResult.written(link.label(), link.id(), status);
    return WriteResult.failed(link.label(), status, e.code(), e.message());
  }

  /** A file the org will not take: stored elsewhere, and the note carries the link instead. */
  private void keepOutside(Table table, PreparedRow row, String base64) throws IOException {
    String name = row.body().path("filename").asText("file");
    String link = files.store(table.name(), row.sourceId(), name,
        new java.io.ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    var body = row.body();
    body.remove(FILE_COLUMN);
    String text = body.path("notetext").asText("");
    body.put("notetext", (text.isEmpty() ? "" : text + "\n") + keptAt(name, link));
  }

  /** Raw bytes whose Base64 fits the org's {@code maxuploadfilesize} (which Dataverse checks on the encoded body). */
  @Override
  public long maxFileBytes(String table) {
    return maxUpload / 4 * 3;
  }

  /** Into the large-file store; the note's text says where the file is. */
  @Override
  public Map<String, Object> storeLargeFile(String table, String sourceId, String fileName, InputStream body)
      throws IOException {
    if (table(table).column("notetext").isEmpty()) {
      throw new IOException(fileName + " is larger than the org's maxuploadfilesize (" + maxUpload + " bytes of Base64) and "
          + table + " has no note text to hold its link; map large files to notes (annotation)");
    }
    String link = files.store(table, sourceId, fileName, body);
    // Only the text: the rest of the note stays as its map made it, so reconcile and sample diff find it unchanged.
    return Map.of("notetext", keptAt(fileName, link));
  }

  private String keptAt(String name, String link) {
    return "File " + name + " is larger than this org accepts (maxuploadfilesize " + maxUpload
        + " bytes of Base64); it is kept at " + link;
  }

  private void uploadInBlocks(List<PreparedRow> rows, WriteResult[] results) throws IOException {
    List<Future<WriteResult>> futures = new ArrayList<>();
    for (PreparedRow row : rows) {
      futures.add(pool.submit(() -> AnnotationUploader.upload(pick(), row, row.body().get(FILE_COLUMN).asText())));
    }
    for (int i = 0; i < rows.size(); i++) results[rows.get(i).index()] = join(futures.get(i), "annotation");
  }

  private static <T> T join(Future<T> f, String what) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new java.io.InterruptedIOException("interrupted while writing " + what);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IOException("writing " + what + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** Chunks in parallel; results in row order. */
  private List<WriteResult> writeAll(Table table, List<PreparedRow> rows) throws IOException {
    return inChunks(writeChunks(rows), (client, chunk) -> writer.write(client, table, chunk), table.name());
  }

  /**
   * Rows in chunks of at most the configured batch size whose file bodies come to at most
   * {@link #FILE_CHARS_PER_REQUEST} together; a body larger than that goes alone. A chunk is one request
   * (bulk message or {@code $batch}), so the file pass's bodies are batched like any other update, and no
   * request carries more than a few of them.
   */
  List<List<PreparedRow>> writeChunks(List<PreparedRow> rows) {
    List<List<PreparedRow>> chunks = new ArrayList<>();
    List<PreparedRow> chunk = new ArrayList<>();
    long chars = 0;
    for (PreparedRow row : rows) {
      long body = row.body().path(FILE_COLUMN).asText("").length();
      if (!chunk.isEmpty() && (chunk.size() == config.batchSize() || chars + body > FILE_CHARS_PER_REQUEST)) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        chars = 0;
      }
      chunk.add(row);
      chars += body;
    }
    if (!chunk.isEmpty()) chunks.add(chunk);
    return chunks;
  }

  /** The identity with the most free slots right now; ties go round-robin. */
  private DataverseClient pick() {
    int start = Math.floorMod(nextClient.getAndIncrement(), clients.size());
    DataverseClient best = clients.get(start);
    for (int i = 1; i < clients.size(); i++) {
      DataverseClient c = clients.get((start + i) % clients.size());
      if (c.gate().room() > best.gate().room()) best = c;
    }
    return best;
  }

  @Override
  public long count(String tableName) throws IOException {
    Table table = table(tableName);
    String first = table.entitySetName() + "?$select=" + table.primaryIdColumn() + "&$count=true";
    long[] n = {0};
    JsonNode firstPage = pages(first, page -> n[0] += page.path("value").size());
    // One page: the server's count is exact. Several: the count may be capped, the pages are not.
    return firstPage.has("@odata.nextLink") || !firstPage.has("@odata.count") ? n[0]
        : firstPage.get("@odata.count").asLong();
  }

  @Override
  public void read(String tableName, List<String> columns, String filter, Consumer<Map<String, Object>> sink)
      throws IOException {
    Table table = table(tableName);
    StringBuilder q = new StringBuilder(table.entitySetName()).append("?$select=")
        .append(String.join(",", columns));
    if (filter != null && !filter.isBlank()) q.append("&$filter=").append(ODataKeys.encode(filter));
    pages(q.toString(), page -> {
      for (JsonNode row : page.path("value")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.MAPPER.convertValue(row, Map.class);
        sink.accept(m);
      }
    });
  }

  /** Follows {@code @odata.nextLink} (bounded: a server that links in a circle is stopped); returns page one. */
  private JsonNode pages(String path, Consumer<JsonNode> onPage) throws IOException {
    DataverseClient client = pick();
    JsonNode first = null;
    String next = path;
    for (int page = 0; next != null; page++) {
      if (page > 1_000_000) throw new IOException("more than a million pages from " + path);
      ApiResponse r = client.send(ApiRequest.get(next).withHeader("Prefer", "odata.maxpagesize=" + MAX_PAGE));
      if (!r.ok()) throw new IOException("GET " + path + " failed: " + r.error());
      JsonNode json = r.json();
      if (first == null) first = json;
      onPage.accept(json);
      next = json.hasNonNull("@odata.nextLink") ? json.get("@odata.nextLink").asText() : null;
    }
    return first;
  }

  private Table table(String name) {
    return schema.table(name).orElseThrow(() -> new IllegalArgumentException("table '" + name
        + "' is not in the Dataverse schema; run 'fmap schema pull' or check the mapping's target"));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
