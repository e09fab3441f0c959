package io.fmap.runtime.dataverse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData 4.0 {@code multipart/mixed} {@code $batch} format as Dataverse documents it: CRLF line
 * endings, each part an {@code application/http} message with a blank line after the part headers
 * and another after the inner request headers. Parts are independent requests (no change sets):
 * with {@code Prefer: odata.continue-on-error} one bad row does not stop or roll back the others.
 */
public final class BatchCodec {
  private static final String CRLF = "\r\n";
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d\\.\\d\\s+(\\d{3})");

  /** One inner request. {@code url} is the path from the host ({@code /api/data/v9.2/accounts}). */
  public record Part(String method, String url, Map<String, String> headers, String body) {}

  /** One inner response, in request order. */
  public record PartResponse(int status, Map<String, String> headers, String body) {
    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
  }

  private BatchCodec() {}

  public static String contentType(String boundary) {
    return "multipart/mixed; boundary=\"" + boundary + "\"";
  }

  public static byte[] encode(String boundary, List<Part> parts) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      out.append("--").append(boundary).append(CRLF)
          .append("Content-Type: application/http").append(CRLF)
          .append("Content-Transfer-Encoding: binary").append(CRLF)
          .append(CRLF)
          .append(p.method()).append(' ').append(p.url()).append(" HTTP/1.1").append(CRLF);
      if (p.body() != null) out.append("Content-Type: application/json; type=entry").append(CRLF);
      p.headers().forEach((k, v) -> out.append(k).append(": ").append(v).append(CRLF));
      out.append(CRLF);
      if (p.body() != null) out.append(p.body()).append(CRLF);
    }
    out.append("--").append(boundary).append("--").append(CRLF);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every inner response of a batch response, change-set responses flattened in order. */
  public static List<PartResponse> decode(String contentType, String body) {
    List<PartResponse> out = new ArrayList<>();
    decodeInto(boundary(contentType), body, out);
    return out;
  }

  private static void decodeInto(String boundary, String body, List<PartResponse> out) {
    String delimiter = "--" + boundary;
    String[] chunks = body.split(Pattern.quote(delimiter), -1);
    // chunks[0] is the preamble; a chunk starting with "--" is the closing delimiter's tail
    for (int i = 1; i < chunks.length; i++) {
      String chunk = chunks[i];
      if (chunk.startsWith("--")) break;
      Section part = Section.split(stripLeadingNewline(chunk));
      String type = part.headers().getOrDefault("content-type", "");
      if (type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
        decodeInto(boundary(type), part.rest(), out);
        continue;
      }
      String inner = part.rest();
      int eol = lineEnd(inner);
      String statusLine = inner.substring(0, eol < 0 ? inner.length() : eol);
      Matcher m = STATUS_LINE.matcher(statusLine);
      if (!m.find()) throw new IllegalArgumentException("batch part without an HTTP status line: " + statusLine);
      Section response = Section.split(eol < 0 ? "" : stripLeadingNewline(inner.substring(eol)));
      out.add(new PartResponse(Integer.parseInt(m.group(1)), response.headers(), response.rest().strip()));
    }
  }

  static String boundary(String contentType) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!m.find()) throw new IllegalArgumentException("multipart content type without a boundary: " + contentType);
    return m.group(1);
  }

  private static int lineEnd(String s) {
    int i = s.indexOf('\n');
    return i < 0 ? -1 : (i > 0 && s.charAt(i - 1) == '\r' ? i - 1 : i);
  }

  private static String stripLeadingNewline(String s) {
    if (s.startsWith("\r\n")) return s.substring(2);
    if (s.startsWith("\n")) return s.substring(1);
    return s;
  }

  /** Header lines up to the first blank line, and what follows it. */
  private record Section(Map<String, String> headers, String rest) {
    static Section split(String text) {
      Map<String, String> headers = new LinkedHashMap<>();
      int pos = 0;
      while (pos < text.length()) {
        int nl = text.indexOf('\n', pos);
        String line = (nl < 0 ? text.substring(pos) : text.substring(pos, nl)).replace("\r", "");
        pos = nl < 0 ? text.length() : nl + 1;
        if (line.isEmpty()) break;
        int colon = line.indexOf(':');
        if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      return new Section(headers, text.substring(pos));
    }
  }
}
