package io.fmap.emulator.dataverse;

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

  /** One request inside the batch. */
  record Part(String method, String url, Map<String, String> headers, String body, String contentId) {}

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

  static List<Item> parse(String body, String boundary) {
    List<Item> items = new ArrayList<>();
    for (List<String> part : split(lines(body), boundary)) {
      int blank = part.indexOf("");
      Map<String, String> headers = headers(blank < 0 ? part : part.subList(0, blank));
      List<String> content = blank < 0 ? List.of() : part.subList(blank + 1, part.size());
      String type = headers.getOrDefault("content-type", "");
      if (type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
        List<Part> parts = new ArrayList<>();
        for (List<String> inner : split(content, boundary(type))) parts.add(request(inner));
        items.add(new ChangeSet(parts));
      } else {
        items.add(new Single(request(part)));
      }
    }
    return items;
  }

  /** The body's lines without their line endings (CRLF or LF), cut without a regular expression. */
  private static List<String> lines(String body) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (true) {
      int nl = body.indexOf('\n', start);
      if (nl < 0) {
        out.add(body.substring(start));
        return out;
      }
      int end = nl > start && body.charAt(nl - 1) == '\r' ? nl - 1 : nl;
      out.add(body.substring(start, end));
      start = nl + 1;
    }
  }

  /** The parts between {@code --boundary} lines, each as a view of the lines between them. */
  private static List<List<String>> split(List<String> lines, String boundary) {
    String open = "--" + boundary;
    String close = open + "--";
    List<List<String>> parts = new ArrayList<>();
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("--") && !line.startsWith(" ") && !line.startsWith("\t")) continue; // not a delimiter
      String t = line.trim();
      boolean last = t.equals(close);
      if (last || t.equals(open)) {
        if (from >= 0) parts.add(lines.subList(from, i));
        if (last) return parts;
        from = i + 1;
      }
    }
    throw DataverseError.badRequest(DataverseError.ODATA, "The $batch body is not closed by --" + boundary + "--.");
  }

  private static Part request(List<String> lines) {
    int blank = lines.indexOf("");
    Map<String, String> partHeaders = headers(blank < 0 ? lines : lines.subList(0, blank));
    List<String> rest = blank < 0 ? List.of() : lines.subList(blank + 1, lines.size());
    int i = 0;
    while (i < rest.size() && rest.get(i).isBlank()) i++;
    if (i >= rest.size()) throw DataverseError.badRequest(DataverseError.ODATA, "A $batch part has no request line.");
    String[] requestLine = rest.get(i).trim().split(" ");
    if (requestLine.length < 2) throw DataverseError.badRequest(DataverseError.ODATA, "Bad request line in $batch part: '" + rest.get(i) + "'.");
    int j = i + 1;
    List<String> headerLines = new ArrayList<>();
    while (j < rest.size() && !rest.get(j).isEmpty()) headerLines.add(rest.get(j++));
    String body = j < rest.size() ? String.join(CRLF, rest.subList(j + 1, rest.size())).strip() : "";
    return new Part(requestLine[0].toUpperCase(Locale.ROOT), requestLine[1], headers(headerLines), body,
        partHeaders.get("content-id"));
  }

  private static Map<String, String> headers(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String l : lines) {
      int colon = l.indexOf(':');
      if (colon > 0) out.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    return out;
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

  static String write(List<Object> results, String boundary) {
    StringBuilder b = new StringBuilder();
    for (Object o : results) {
      b.append("--").append(boundary).append(CRLF);
      if (o instanceof ChangeSetResult cs && !cs.failed()) {
        String inner = "changesetresponse_" + UUID.randomUUID();
        b.append("Content-Type: multipart/mixed; boundary=").append(inner).append(CRLF).append(CRLF);
        for (Result r : cs.results()) {
          b.append("--").append(inner).append(CRLF);
          appendHttp(b, r);
        }
        b.append("--").append(inner).append("--").append(CRLF);
      } else if (o instanceof ChangeSetResult cs) {
        appendHttp(b, cs.results().get(cs.results().size() - 1));
      } else {
        appendHttp(b, (Result) o);
      }
    }
    b.append("--").append(boundary).append("--").append(CRLF);
    return b.toString();
  }

  private static void appendHttp(StringBuilder b, Result r) {
    b.append("Content-Type: application/http").append(CRLF);
    b.append("Content-Transfer-Encoding: binary").append(CRLF);
    if (r.contentId() != null) b.append("Content-ID: ").append(r.contentId()).append(CRLF);
    b.append(CRLF);
    ApiResponse resp = r.response();
    b.append("HTTP/1.1 ").append(resp.status()).append(' ').append(ApiResponse.reason(resp.status())).append(CRLF);
    resp.headers().forEach((k, v) -> b.append(k).append(": ").append(v).append(CRLF));
    // Inside a batch, created rows also carry Location (fact sheet §3.2).
    String entityId = resp.headers().get("OData-EntityId");
    if (entityId != null && !resp.headers().containsKey("Location")) b.append("Location: ").append(entityId).append(CRLF);
    b.append(CRLF);
    if (resp.body().length > 0) b.append(new String(resp.body(), StandardCharsets.UTF_8)).append(CRLF);
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
      List<Item> items = parse(outer.bodyText(), boundary);
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
          "OData-Version", "4.0"), write(results, responseBoundary).getBytes(StandardCharsets.UTF_8), rows);
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
      Map<String, String> headers = new LinkedHashMap<>(p.headers());
      return new ApiRequest(p.method(), path, HttpFrontEnd.parseQuery(rawQuery), headers,
          p.body().getBytes(StandardCharsets.UTF_8), outer.caller(), contentIds);
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
