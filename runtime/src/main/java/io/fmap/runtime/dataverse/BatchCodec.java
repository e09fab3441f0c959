package io.fmap.runtime.dataverse;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
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

  /**
   * One inner response, in request order. The headers stay as the text of their block and are read
   * when asked for: the writer needs only the status and the body of each part.
   */
  public record PartResponse(int status, String headerBlock, String body) {
    /** A header's value (names compared without case; the last of repeated ones), or null. */
    public String header(String name) {
      return headers().get(name.toLowerCase(Locale.ROOT));
    }

    /** Every header, names lower-cased, in the order sent. */
    public Map<String, String> headers() {
      Map<String, String> out = new LinkedHashMap<>();
      for (Line l = Line.first(headerBlock, 0, headerBlock.length()); l != null; l = l.next()) {
        int colon = l.colon();
        if (colon > l.start()) {
          out.put(headerBlock.substring(l.start(), colon).trim().toLowerCase(Locale.ROOT), headerBlock.substring(colon + 1, l.end()).trim());
        }
      }
      return out;
    }
  }

  private BatchCodec() {}

  public static String contentType(String boundary) {
    return "multipart/mixed; boundary=\"" + boundary + "\"";
  }

  /**
   * The request body, written straight into bytes, each part's JSON once: a 100-row batch was built
   * as a growing StringBuilder, copied into a String and encoded again.
   */
  public static byte[] encode(String boundary, List<Part> parts) {
    int size = 64;
    for (Part p : parts) size += 160 + p.url().length() + (p.body() == null ? 0 : p.body().length());
    ByteArrayBuilder out = new ByteArrayBuilder(size);
    for (Part p : parts) {
      text(out, "--", boundary, CRLF, "Content-Type: application/http", CRLF, "Content-Transfer-Encoding: binary", CRLF,
          CRLF, p.method(), " ", p.url(), " HTTP/1.1", CRLF);
      if (p.body() != null) text(out, "Content-Type: application/json; type=entry", CRLF);
      p.headers().forEach((k, v) -> text(out, k, ": ", v, CRLF));
      text(out, CRLF);
      if (p.body() != null) text(out, p.body(), CRLF);
    }
    text(out, "--", boundary, "--", CRLF);
    return out.toByteArray();
  }

  private static void text(ByteArrayBuilder out, String... parts) {
    for (String p : parts) out.write(p.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every inner response of a batch response, change-set responses flattened in order. Read by
   * positions in the text: only each part's header block and non-empty body become strings.
   */
  public static List<PartResponse> decode(String contentType, String body) {
    List<PartResponse> out = new ArrayList<>();
    decodeInto(boundary(contentType), body, 0, body.length(), out);
    return out;
  }

  private static void decodeInto(String boundary, String text, int from, int to, List<PartResponse> out) {
    String delimiter = "--" + boundary;
    int at = indexOf(text, delimiter, from, to);
    // what comes before the first delimiter is the preamble; "--" right after one is the closing delimiter
    while (at >= 0) {
      int start = at + delimiter.length();
      if (text.startsWith("--", start)) break;
      int next = indexOf(text, delimiter, start, to);
      int end = next < 0 ? to : next;
      int partStart = afterNewline(text, start, end);
      Line blank = blankLine(text, partStart, end);
      int contentStart = blank == null ? end : blank.nextStart();
      String type = headerIn(text, partStart, blank == null ? end : blank.start(), "content-type");
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
        decodeInto(boundary(type), text, contentStart, end, out);
      } else {
        out.add(response(text, contentStart, end));
      }
      at = next;
    }
  }

  /** {@code HTTP/1.1 204 No Content}, its headers, a blank line and the body, within {@code [from, to)}. */
  private static PartResponse response(String text, int from, int to) {
    Line statusLine = Line.first(text, from, to);
    Matcher m = STATUS_LINE.matcher(statusLine == null ? "" : text.substring(statusLine.start(), statusLine.end()));
    if (!m.find()) {
      throw new IllegalArgumentException("batch part without an HTTP status line: "
          + (statusLine == null ? "" : text.substring(statusLine.start(), statusLine.end())));
    }
    int headersStart = statusLine.nextStart();
    Line blank = blankLine(text, headersStart, to);
    String block = text.substring(headersStart, blank == null ? to : blank.start());
    int s = blank == null ? to : blank.nextStart();
    int e = to;
    while (s < e && Character.isWhitespace(text.charAt(s))) s++;
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
    return new PartResponse(Integer.parseInt(m.group(1)), block, s == e ? "" : text.substring(s, e));
  }

  static String boundary(String contentType) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!m.find()) throw new IllegalArgumentException("multipart content type without a boundary: " + contentType);
    return m.group(1);
  }

  private static int indexOf(String text, String what, int from, int to) {
    int i = text.indexOf(what, from);
    return i < 0 || i + what.length() > to ? -1 : i;
  }

  /** Past one CR LF or LF at {@code at}, if there is one. */
  private static int afterNewline(String text, int at, int to) {
    if (at < to && text.charAt(at) == '\r' && at + 1 < to && text.charAt(at + 1) == '\n') return at + 2;
    if (at < to && text.charAt(at) == '\n') return at + 1;
    return at;
  }

  /** The first empty line within {@code [from, to)}, or null. */
  private static Line blankLine(String text, int from, int to) {
    for (Line l = Line.first(text, from, to); l != null; l = l.next()) {
      if (l.isEmpty()) return l;
    }
    return null;
  }

  /** The value of the last header named {@code name} (without case) among the lines {@code [from, to)}, or null. */
  private static String headerIn(String text, int from, int to, String name) {
    String value = null;
    for (Line l = Line.first(text, from, to); l != null; l = l.next()) {
      int colon = l.colon();
      if (colon > l.start() && nameIs(text, l.start(), colon, name)) value = text.substring(colon + 1, l.end()).trim();
    }
    return value;
  }

  /** Whether {@code text[from, to)}, blanks around it left out, is {@code name} without regard to case. */
  private static boolean nameIs(String text, int from, int to, String name) {
    while (from < to && text.charAt(from) <= ' ') from++;
    while (to > from && text.charAt(to - 1) <= ' ') to--;
    return to - from == name.length() && text.regionMatches(true, from, name, 0, name.length());
  }

  /**
   * One line of {@code text} within {@code [start, limit)}: {@code end} excludes its CR LF or LF
   * (and any other CR, as the old reader dropped them), {@code nextStart} is where the next one begins.
   */
  private record Line(String text, int start, int end, int nextStart, int limit) {
    static Line first(String text, int from, int limit) {
      return from >= limit ? null : at(text, from, limit);
    }

    private static Line at(String text, int from, int limit) {
      int nl = text.indexOf('\n', from);
      int next = nl < 0 || nl >= limit ? limit : nl + 1;
      int end = nl < 0 || nl >= limit ? limit : nl;
      while (end > from && text.charAt(end - 1) == '\r') end--;
      return new Line(text, from, end, next, limit);
    }

    Line next() { return nextStart >= limit ? null : at(text, nextStart, limit); }

    boolean isEmpty() { return start == end; }

    int colon() {
      int c = text.indexOf(':', start);
      return c < 0 || c >= end ? -1 : c;
    }
  }
}
