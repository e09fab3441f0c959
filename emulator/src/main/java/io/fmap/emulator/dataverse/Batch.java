package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST $batch}: multipart/mixed in (OData 4.0 §11.7), multipart/mixed out. Parts run in
 * order; a change set runs in one transaction and rolls back as a whole; {@code Content-ID}
 * references ({@code $1}) resolve inside their change set; without
 * {@code Prefer: odata.continue-on-error} processing stops at the first failure (outer 400).
 */
final class Batch {
  static final int MAX_REQUESTS = 1000;
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final String CRLF = "\r\n";

  /** One request inside the batch; {@code body} is the part's bytes as sent, without surrounding whitespace. */
  record Part(String method, String url, Map<String, String> headers, byte[] body, String contentId) {}

  /** A top-level item: a single request, or a change set of several. */
  sealed interface Item permits Single, ChangeSet {}
  record Single(Part part) implements Item {}
  record ChangeSet(List<Part> parts) implements Item {}

  private Batch() {}

  static String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
      throw DataverseError.badRequest(DataverseError.ODATA, "A $batch request needs Content-Type: multipart/mixed; boundary=...");
    }
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) throw DataverseError.badRequest(DataverseError.ODATA, "The multipart/mixed Content-Type has no boundary.");
    return m.group(1);
  }

  /**
   * Parses the multipart body where it lies: lines are positions in the bytes, and only header
   * lines and request lines become strings. Why: the body of a 100-row batch was copied four times
   * (decoded, cut into line strings, joined back per part, encoded again) before its JSON was read.
   */
  static List<Item> parse(byte[] body, String boundary) {
    Lines lines = Lines.of(body);
    List<Item> items = new ArrayList<>();
    for (int[] part : lines.split(0, lines.size(), boundary)) {
      int blank = lines.firstEmpty(part[0], part[1]);
      String type = "";
      for (int i = part[0]; i < (blank < 0 ? part[1] : blank); i++) {
        if (lines.isHeader(i, "content-type")) type = lines.headerValue(i);
      }
      if (type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
        List<Part> parts = new ArrayList<>();
        int content = blank < 0 ? part[1] : blank + 1;
        for (int[] inner : lines.split(content, part[1], boundary(type))) parts.add(request(lines, inner[0], inner[1]));
        items.add(new ChangeSet(parts));
      } else {
        items.add(new Single(request(lines, part[0], part[1])));
      }
    }
    return items;
  }

  /** One part, lines {@code from} (inclusive) to {@code to} (exclusive): part headers, request line, headers, body. */
  private static Part request(Lines lines, int from, int to) {
    int blank = lines.firstEmpty(from, to);
    String contentId = null;
    for (int i = from; i < (blank < 0 ? to : blank); i++) {
      if (lines.isHeader(i, "content-id")) contentId = lines.headerValue(i);
    }
    int i = blank < 0 ? to : blank + 1;
    while (i < to && lines.isBlank(i)) i++;
    if (i >= to) throw DataverseError.badRequest(DataverseError.ODATA, "A $batch part has no request line.");
    String line = lines.text(i);
    String[] requestLine = line.trim().split(" ");
    if (requestLine.length < 2) throw DataverseError.badRequest(DataverseError.ODATA, "Bad request line in $batch part: '" + line + "'.");
    int j = i + 1;
    Map<String, String> headers = new LinkedHashMap<>();
    for (; j < to && !lines.isEmpty(j); j++) lines.putHeader(j, headers);
    byte[] body = j < to ? lines.stripped(j + 1, to) : new byte[0];
    return new Part(requestLine[0].toUpperCase(Locale.ROOT), requestLine[1], headers, body, contentId);
  }

  /** The lines of a body as positions: line {@code i} is {@code bytes[start(i)..end(i))}, its CR LF or LF left out. */
  private static final class Lines {
    private final byte[] bytes;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;

    private Lines(byte[] bytes) { this.bytes = bytes; }

    static Lines of(byte[] bytes) {
      Lines l = new Lines(bytes);
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] != '\n') continue;
        l.add(start, i > start && bytes[i - 1] == '\r' ? i - 1 : i);
        start = i + 1;
      }
      l.add(start, bytes.length);
      return l;
    }

    private void add(int start, int end) {
      if (size == starts.length) {
        starts = java.util.Arrays.copyOf(starts, size * 2);
        ends = java.util.Arrays.copyOf(ends, size * 2);
      }
      starts[size] = start;
      ends[size++] = end;
    }

    int size() { return size; }

    boolean isEmpty(int i) { return starts[i] == ends[i]; }

    /** Only whitespace, as {@link String#isBlank} sees the ASCII part of it. */
    boolean isBlank(int i) {
      for (int k = starts[i]; k < ends[i]; k++) if (!whitespace(bytes[k])) return false;
      return true;
    }

    int firstEmpty(int from, int to) {
      for (int i = from; i < to; i++) if (isEmpty(i)) return i;
      return -1;
    }

    String text(int i) { return new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8); }

    /**
     * The parts between {@code --boundary} lines within lines {@code from..to}, as line ranges
     * {@code [first, end)}; a body not closed by {@code --boundary--} is OData's 400.
     */
    List<int[]> split(int from, int to, String boundary) {
      byte[] b = boundary.getBytes(StandardCharsets.UTF_8);
      List<int[]> parts = new ArrayList<>();
      int open = -1;
      for (int i = from; i < to; i++) {
        int s = starts[i];
        int e = ends[i];
        if (s == e || (bytes[s] != '-' && bytes[s] != ' ' && bytes[s] != '\t')) continue; // not a delimiter
        if (s < e && bytes[s] == '-' && (e - s < 2 || bytes[s + 1] != '-')) continue;
        while (s < e && bytes[s] <= ' ') s++;
        while (e > s && bytes[e - 1] <= ' ') e--;
        boolean delimiter = e - s >= b.length + 2 && bytes[s] == '-' && bytes[s + 1] == '-' && regionIs(s + 2, b);
        if (!delimiter) continue;
        int rest = e - s - 2 - b.length;
        boolean last = rest == 2 && bytes[e - 2] == '-' && bytes[e - 1] == '-';
        if (rest != 0 && !last) continue;
        if (open >= 0) parts.add(new int[] {open, i});
        if (last) return parts;
        open = i + 1;
      }
      throw DataverseError.badRequest(DataverseError.ODATA, "The $batch body is not closed by --" + boundary + "--.");
    }

    private boolean regionIs(int at, byte[] expected) {
      for (int k = 0; k < expected.length; k++) if (bytes[at + k] != expected[k]) return false;
      return true;
    }

    /** True when line {@code i} is a header named {@code lowerName} (compared without case). */
    boolean isHeader(int i, String lowerName) {
      int colon = colon(i);
      if (colon < 0) return false;
      int s = starts[i];
      int e = colon;
      while (s < e && bytes[s] <= ' ') s++;
      while (e > s && bytes[e - 1] <= ' ') e--;
      if (e - s != lowerName.length()) return false;
      for (int k = 0; k < lowerName.length(); k++) {
        int c = bytes[s + k];
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        if (c != lowerName.charAt(k)) return false;
      }
      return true;
    }

    String headerValue(int i) {
      int colon = colon(i);
      return new String(bytes, colon + 1, ends[i] - colon - 1, StandardCharsets.UTF_8).trim();
    }

    /** Adds line {@code i} as a header (name lower-cased) when it has a name before a colon. */
    void putHeader(int i, Map<String, String> headers) {
      int colon = colon(i);
      if (colon <= starts[i]) return;
      String name = new String(bytes, starts[i], colon - starts[i], StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
      headers.put(name, headerValue(i));
    }

    private int colon(int i) {
      for (int k = starts[i]; k < ends[i]; k++) if (bytes[k] == ':') return k;
      return -1;
    }

    /** The bytes of lines {@code from..to} as sent, leading and trailing whitespace left out. */
    byte[] stripped(int from, int to) {
      if (from >= to) return new byte[0];
      int s = starts[from];
      int e = ends[to - 1];
      while (s < e && whitespace(bytes[s])) s++;
      while (e > s && whitespace(bytes[e - 1])) e--;
      return java.util.Arrays.copyOfRange(bytes, s, e);
    }

    private static boolean whitespace(byte c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f' || (c >= 0x1C && c <= 0x1F);
    }
  }

  static int count(List<Item> items) {
    int n = 0;
    for (Item item : items) n += item instanceof ChangeSet c ? c.parts().size() : 1;
    return n;
  }

  /** The result of one part, ready to be written into the multipart answer. */
  record Result(ApiResponse response, String contentId) {}

  /** The answer to a whole change set: every part's result, or the one failure that rolled it back. */
  record ChangeSetResult(List<Result> results, boolean failed) {}

  /** The multipart answer, written as bytes: each part's body goes in as it is, not decoded and encoded again. */
  static byte[] write(List<Object> results, String boundary) {
    ByteArrayBuilder b = new ByteArrayBuilder(400 * results.size() + 64);
    for (Object o : results) {
      text(b, "--", boundary, CRLF);
      if (o instanceof ChangeSetResult cs && !cs.failed()) {
        String inner = "changesetresponse_" + UUID.randomUUID();
        text(b, "Content-Type: multipart/mixed; boundary=", inner, CRLF, CRLF);
        for (Result r : cs.results()) {
          text(b, "--", inner, CRLF);
          appendHttp(b, r);
        }
        text(b, "--", inner, "--", CRLF);
      } else if (o instanceof ChangeSetResult cs) {
        appendHttp(b, cs.results().get(cs.results().size() - 1));
      } else {
        appendHttp(b, (Result) o);
      }
    }
    text(b, "--", boundary, "--", CRLF);
    return b.toByteArray();
  }

  private static void appendHttp(ByteArrayBuilder b, Result r) {
    text(b, "Content-Type: application/http", CRLF, "Content-Transfer-Encoding: binary", CRLF);
    if (r.contentId() != null) text(b, "Content-ID: ", r.contentId(), CRLF);
    text(b, CRLF);
    ApiResponse resp = r.response();
    text(b, "HTTP/1.1 ", String.valueOf(resp.status()), " ", ApiResponse.reason(resp.status()), CRLF);
    resp.headers().forEach((k, v) -> text(b, k, ": ", v, CRLF));
    // Inside a batch, created rows also carry Location (fact sheet §3.2).
    String entityId = resp.headers().get("OData-EntityId");
    if (entityId != null && !resp.headers().containsKey("Location")) text(b, "Location: ", entityId, CRLF);
    text(b, CRLF);
    if (resp.body().length > 0) {
      b.write(resp.body());
      text(b, CRLF);
    }
  }

  private static void text(ByteArrayBuilder b, String... parts) {
    for (String p : parts) b.write(p.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs a parsed batch. {@code dispatch} answers one request and never throws; {@code inTransaction}
   * runs a change set under one transaction and rolls it back when the function throws.
   */
  static final class Runner {
    private final Function<ApiRequest, ApiResponse> dispatch;
    private final Function<java.util.function.Supplier<ChangeSetResult>, ChangeSetResult> inTransaction;

    Runner(Function<ApiRequest, ApiResponse> dispatch,
           Function<java.util.function.Supplier<ChangeSetResult>, ChangeSetResult> inTransaction) {
      this.dispatch = dispatch;
      this.inTransaction = inTransaction;
    }

    ApiResponse run(ApiRequest outer) {
      String boundary = boundary(outer.header("Content-Type"));
      List<Item> items = parse(outer.body(), boundary);
      if (count(items) > MAX_REQUESTS) {
        throw DataverseError.badRequest(DataverseError.ODATA, "Number of requests in a batch request exceeds the maximum limit of "
            + MAX_REQUESTS + ". The request contains " + count(items) + " operations.");
      }
      boolean continueOnError = outer.prefers("odata.continue-on-error");
      List<Object> results = new ArrayList<>();
      boolean stopped = false;
      int rows = 0;
      for (Item item : items) {
        if (item instanceof Single s) {
          if (s.part().url().contains("$batch")) throw DataverseError.badRequest(DataverseError.ODATA, "Batches cannot be nested.");
          ApiResponse r = answer(outer, s.part(), Map.of());
          rows += r.rows();
          results.add(new Result(r, s.part().contentId()));
          if (r.status() >= 400 && !continueOnError) { stopped = true; break; }
        } else {
          ChangeSet cs = (ChangeSet) item;
          ChangeSetResult result = runChangeSet(outer, cs);
          for (Result r : result.results()) rows += r.response().rows();
          results.add(result);
          if (result.failed() && !continueOnError) { stopped = true; break; }
        }
      }
      String responseBoundary = "batchresponse_" + UUID.randomUUID();
      ApiResponse response = new ApiResponse(stopped ? 400 : 200, Map.of("Content-Type", "multipart/mixed; boundary=" + responseBoundary,
          "OData-Version", "4.0"), write(results, responseBoundary), rows);
      if (continueOnError) response = response.withHeader("Preference-Applied", "odata.continue-on-error");
      return response;
    }

    private ChangeSetResult runChangeSet(ApiRequest outer, ChangeSet cs) {
      try {
        return inTransaction.apply(() -> {
          Map<String, String> contentIds = new HashMap<>();
          List<Result> results = new ArrayList<>();
          for (Part p : cs.parts()) {
            if (p.method().equals("GET")) {
              results.add(new Result(ApiResponse.error(DataverseError.badRequest(DataverseError.ODATA,
                  "GET requests are not allowed inside a change set; put them outside it.")), p.contentId()));
              throw new ChangeSetFailed(new ChangeSetResult(results, true));
            }
            ApiResponse r = answer(outer, p, contentIds);
            results.add(new Result(r, p.contentId()));
            if (r.status() >= 400) throw new ChangeSetFailed(new ChangeSetResult(results, true));
            String entityId = r.headers().get("OData-EntityId");
            if (p.contentId() != null && entityId != null) contentIds.put(p.contentId(), entityId);
          }
          return new ChangeSetResult(results, false);
        });
      } catch (ChangeSetFailed f) {
        return f.result;
      }
    }

    private ApiResponse answer(ApiRequest outer, Part p, Map<String, String> contentIds) {
      try {
        return dispatch.apply(inner(outer, p, contentIds));
      } catch (DataverseError e) {
        return ApiResponse.error(e);
      }
    }

    private ApiRequest inner(ApiRequest outer, Part p, Map<String, String> contentIds) {
      String url = p.url();
      if (url.startsWith("$")) {
        int slash = url.indexOf('/');
        String ref = slash < 0 ? url.substring(1) : url.substring(1, slash);
        String resolved = contentIds.get(ref);
        if (resolved == null) {
          throw DataverseError.badRequest(DataverseError.ODATA, "Content-ID Reference: '$" + ref
              + "' does not exist in the batch context.");
        }
        url = resolved + (slash < 0 ? "" : url.substring(slash));
      }
      int api = url.indexOf("/api/data/");
      if (api >= 0) {
        String afterApi = url.substring(api + "/api/data/".length());
        int slash = afterApi.indexOf('/');
        url = slash < 0 ? "" : afterApi.substring(slash + 1);
      }
      String path = url;
      String rawQuery = null;
      int q = url.indexOf('?');
      if (q >= 0) {
        path = url.substring(0, q);
        rawQuery = url.substring(q + 1);
      }
      return new ApiRequest(p.method(), path, HttpFrontEnd.parseQuery(rawQuery), p.headers(), p.body(), outer.caller(),
          contentIds);
    }
  }

  /** Unwinds a change set's transaction, carrying the results to report. */
  static final class ChangeSetFailed extends RuntimeException {
    final ChangeSetResult result;

    ChangeSetFailed(ChangeSetResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
