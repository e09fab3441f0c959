package io.fmap.runtime.functions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rich text that is safe to show in another system: an allow-list of formatting elements and
 * attributes survives, everything else goes. Scripts, styles, frames and forms are removed with
 * their content; event handlers, {@code style} and every attribute not listed are dropped; links
 * keep only {@code http}, {@code https}, {@code mailto} and {@code tel} targets; images keep
 * {@code http(s)} sources and inline raster images ({@code data:image/png;base64,...}), never SVG,
 * which can carry script. Text is re-escaped and every element the output opens is closed, so the
 * result is well-formed whatever came in. A hand-written scanner: linear time on any input.
 */
final class HtmlSanitizer {

  /** An inline image the output keeps: its MIME type, its Base64 payload and its alt text. */
  record InlineImage(String mimeType, String base64, String alt) {

    /** A file name for the image as an attachment: its alt text (sanitised) or {@code image}, with the type's extension. */
    String fileName() {
      String base = alt == null || alt.isBlank() ? "image" : Names.filename(Texts.truncate(alt.strip(), 100));
      return base + "." + EXTENSIONS.get(mimeType);
    }
  }

  /** The sanitised HTML and the inline images it kept, in document order. */
  record Result(String html, List<InlineImage> images) {}

  /** Elements removed together with everything inside them. */
  private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style", "head", "title", "template",
      "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed", "svg", "math", "textarea",
      "select", "xml");

  /** Formatting elements that survive, with the attributes each may keep. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("div", Set.of()), Map.entry("span", Set.of()),
      Map.entry("b", Set.of()), Map.entry("strong", Set.of()), Map.entry("i", Set.of()), Map.entry("em", Set.of()),
      Map.entry("u", Set.of()), Map.entry("s", Set.of()), Map.entry("strike", Set.of()), Map.entry("sub", Set.of()),
      Map.entry("sup", Set.of()), Map.entry("small", Set.of()), Map.entry("mark", Set.of()), Map.entry("code", Set.of()),
      Map.entry("pre", Set.of()), Map.entry("blockquote", Set.of()), Map.entry("hr", Set.of()),
      Map.entry("h1", Set.of()), Map.entry("h2", Set.of()), Map.entry("h3", Set.of()), Map.entry("h4", Set.of()),
      Map.entry("h5", Set.of()), Map.entry("h6", Set.of()), Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start")),
      Map.entry("li", Set.of()), Map.entry("dl", Set.of()), Map.entry("dt", Set.of()), Map.entry("dd", Set.of()),
      Map.entry("table", Set.of()), Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()),
      Map.entry("tfoot", Set.of()), Map.entry("tr", Set.of()), Map.entry("caption", Set.of()),
      Map.entry("th", Set.of("colspan", "rowspan")), Map.entry("td", Set.of("colspan", "rowspan")),
      Map.entry("a", Set.of("href", "title")), Map.entry("img", Set.of("src", "alt", "width", "height")));

  /** Elements that have no end tag. */
  private static final Set<String> VOID = Set.of("br", "hr", "img");

  /** Inline image types kept: raster formats only. */
  private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
      "image/gif", "gif", "image/webp", "webp", "image/bmp", "bmp");

  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}%?");

  /** Deeper nesting than this is flattened: no real note needs it, and the stack stays bounded. */
  private static final int MAX_DEPTH = 100;

  private final String in;
  private final StringBuilder out;
  private final List<InlineImage> images = new ArrayList<>();
  private final Deque<String> open = new ArrayDeque<>();
  /** Which kept inline image (1-based) becomes a reference to the attachment instead; 0 for none. */
  private final int detach;
  private int pos;

  private HtmlSanitizer(String in, int detach) {
    this.in = in;
    this.out = new StringBuilder(in.length());
    this.detach = detach;
  }

  static Result sanitize(String html) {
    return new HtmlSanitizer(html, 0).run();
  }

  /**
   * Sanitised HTML in which the first inline image is replaced by a line naming it as the note's
   * attachment: the image itself goes into the note's file.
   */
  static String detachFirstImage(String html) {
    return new HtmlSanitizer(html, 1).run().html();
  }

  private Result run() {
    int n = in.length();
    while (pos < n) {
      char c = in.charAt(pos);
      if (c == '<') {
        markup();
      } else if (c == '&') {
        entity();
      } else {
        out.append(switch (c) {
          case '>' -> "&gt;";
          case '"' -> "&quot;";
          case '\'' -> "&#39;";
          default -> String.valueOf(c);
        });
        pos++;
      }
    }
    while (!open.isEmpty()) out.append("</").append(open.pop()).append('>');
    return new Result(out.toString(), List.copyOf(images));
  }

  private void entity() {
    Html.Decoded decoded = Html.entityAt(in, pos);
    if (decoded == null) {
      out.append("&amp;");
      pos++;
    } else {
      out.append(Html.escape(decoded.text()));
      pos = decoded.end();
    }
  }

  private void markup() {
    if (in.startsWith("<!--", pos)) {
      int end = in.indexOf("-->", pos + 4);
      pos = end < 0 ? in.length() : end + 3;
      return;
    }
    int next = pos + 1;
    char first = next < in.length() ? in.charAt(next) : ' ';
    boolean closing = first == '/';
    char nameStart = closing && next + 1 < in.length() ? in.charAt(next + 1) : first;
    if (first == '!' || first == '?') {
      // A doctype, CDATA or processing instruction: never content.
      int close = in.indexOf('>', pos);
      pos = close < 0 ? in.length() : close + 1;
      return;
    }
    if (!Character.isLetter(nameStart)) {
      out.append("&lt;"); // a lone '<' in text, as browsers read it
      pos++;
      return;
    }
    Tag tag = Tag.read(in, pos);
    pos = tag.end();
    if (DROPPED_WITH_CONTENT.contains(tag.name())) {
      if (!closing && !tag.selfClosing()) pos = skipElement(tag.name(), pos);
      return;
    }
    Set<String> attributes = ALLOWED.get(tag.name());
    if (attributes == null) return; // an unknown element: its tag goes, its text stays
    if (closing) {
      close(tag.name());
    } else {
      openTag(tag, attributes);
    }
  }

  private void openTag(Tag tag, Set<String> allowed) {
    if (tag.name().equals("img")) {
      image(tag);
      return;
    }
    if (!VOID.contains(tag.name()) && open.size() >= MAX_DEPTH) return;
    out.append('<').append(tag.name());
    for (Map.Entry<String, String> a : tag.attributes().entrySet()) {
      if (!allowed.contains(a.getKey())) continue;
      String value = attributeValue(a.getKey(), a.getValue());
      if (value != null) out.append(' ').append(a.getKey()).append("=\"").append(Html.escape(value)).append('"');
    }
    out.append('>');
    if (!VOID.contains(tag.name())) open.push(tag.name());
  }

  /** An allowed attribute's value as it may be written, or null when it must go. */
  private static String attributeValue(String attribute, String value) {
    return switch (attribute) {
      case "href" -> safeLink(value);
      case "start", "colspan", "rowspan", "width", "height" -> NUMBER.matcher(value.strip()).matches() ? value.strip() : null;
      default -> value;
    };
  }

  /** An image: a web image keeps its link, an inline raster image its data, anything else is dropped for its alt text. */
  private void image(Tag tag) {
    String src = tag.attributes().getOrDefault("src", "");
    String alt = tag.attributes().get("alt");
    InlineImage inline = inlineImage(src, alt);
    if (inline != null) {
      images.add(inline);
      if (images.size() == detach) {
        out.append("[").append(Html.escape(inline.fileName())).append(": attached to this note]");
        return;
      }
      src = "data:" + inline.mimeType() + ";base64," + inline.base64();
    } else if (!isWebLink(src)) {
      if (alt != null && !alt.isBlank()) out.append(Html.escape(alt.strip()));
      return;
    }
    out.append("<img src=\"").append(Html.escape(src.strip())).append('"');
    if (alt != null) out.append(" alt=\"").append(Html.escape(alt)).append('"');
    for (String size : List.of("width", "height")) {
      String v = tag.attributes().get(size);
      if (v != null && NUMBER.matcher(v.strip()).matches()) out.append(' ').append(size).append("=\"").append(v.strip()).append('"');
    }
    out.append('>');
  }

  /** A {@code data:image/<raster>;base64,} source whose payload decodes; null otherwise. */
  private static InlineImage inlineImage(String src, String alt) {
    String s = src.strip();
    if (!s.regionMatches(true, 0, "data:", 0, 5)) return null;
    int comma = s.indexOf(',');
    if (comma < 0) return null;
    String header = s.substring(5, comma).toLowerCase(Locale.ROOT).replace(" ", "");
    if (!header.endsWith(";base64")) return null;
    String mime = header.substring(0, header.length() - ";base64".length());
    if (!EXTENSIONS.containsKey(mime)) return null;
    String payload = s.substring(comma + 1).replaceAll("\\s+", "");
    return payload.isEmpty() || !decodes(payload) ? null : new InlineImage(mime, payload, alt);
  }

  private static String safeLink(String href) {
    String v = href.strip();
    return LINK_SCHEMES.contains(scheme(v)) ? v : null;
  }

  private static boolean isWebLink(String src) {
    String scheme = scheme(src.strip());
    return scheme.equals("http") || scheme.equals("https");
  }

  /**
   * The URL's scheme in lower case, with the control characters and white space browsers ignore
   * inside it removed ({@code java\tscript:} is {@code javascript}); empty when there is none.
   */
  private static String scheme(String url) {
    StringBuilder scheme = new StringBuilder();
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == ':') return scheme.toString().toLowerCase(Locale.ROOT);
      if (c <= ' ') continue;
      if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') return "";
      scheme.append(c);
    }
    return "";
  }

  /** Closes the element and any left open inside it; a closer with nothing to close is dropped. */
  private void close(String name) {
    if (!open.contains(name)) return;
    while (!open.isEmpty()) {
      String top = open.pop();
      out.append("</").append(top).append('>');
      if (top.equals(name)) return;
    }
  }

  /** Index just after {@code </name>}, or the end of the input when the element never closes. */
  private int skipElement(String name, int from) {
    int at = from;
    while (true) {
      int lt = in.indexOf("</", at);
      if (lt < 0) return in.length();
      if (in.regionMatches(true, lt + 2, name, 0, name.length())) {
        int close = in.indexOf('>', lt);
        return close < 0 ? in.length() : close + 1;
      }
      at = lt + 2;
    }
  }

  /** One start or end tag: its lower-case name, its attributes (names lower-case, values decoded), where it ends. */
  private record Tag(String name, Map<String, String> attributes, boolean selfClosing, int end) {

    static Tag read(String in, int from) {
      int i = from + 1;
      if (i < in.length() && in.charAt(i) == '/') i++;
      int nameStart = i;
      while (i < in.length() && isNameChar(in.charAt(i))) i++;
      String name = in.substring(nameStart, i).toLowerCase(Locale.ROOT);
      Map<String, String> attributes = new java.util.LinkedHashMap<>();
      boolean selfClosing = false;
      int n = in.length();
      while (i < n) {
        char c = in.charAt(i);
        if (c == '>') return new Tag(name, attributes, selfClosing, i + 1);
        if (c == '/' || Character.isWhitespace(c)) {
          selfClosing = c == '/';
          i++;
          continue;
        }
        int an = i;
        while (i < n && !Character.isWhitespace(in.charAt(i)) && "/>=".indexOf(in.charAt(i)) < 0) i++;
        String attribute = in.substring(an, i).toLowerCase(Locale.ROOT);
        while (i < n && Character.isWhitespace(in.charAt(i))) i++;
        String value = "";
        if (i < n && in.charAt(i) == '=') {
          i++;
          while (i < n && Character.isWhitespace(in.charAt(i))) i++;
          if (i < n && (in.charAt(i) == '"' || in.charAt(i) == '\'')) {
            char quote = in.charAt(i);
            int endQuote = in.indexOf(quote, i + 1);
            int stop = endQuote < 0 ? n : endQuote;
            value = in.substring(i + 1, stop);
            i = endQuote < 0 ? n : endQuote + 1;
          } else {
            int vs = i;
            while (i < n && !Character.isWhitespace(in.charAt(i)) && in.charAt(i) != '>') i++;
            value = in.substring(vs, i);
          }
        }
        selfClosing = false;
        // The first of two same-named attributes wins, as in browsers.
        if (!attribute.isEmpty()) attributes.putIfAbsent(attribute, decode(value));
      }
      // A tag still open at the end of the input is no tag (browsers drop it): a nameless one is dropped here too.
      return new Tag("", Map.of(), false, n);
    }

    private static boolean isNameChar(char c) {
      return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_';
    }

    /** Entities in an attribute value decoded, so {@code &#106;avascript:} is seen as what it is. */
    private static String decode(String value) {
      if (value.indexOf('&') < 0) return value;
      StringBuilder b = new StringBuilder(value.length());
      for (int i = 0; i < value.length(); ) {
        char c = value.charAt(i);
        Html.Decoded decoded = c == '&' ? Html.entityAt(value, i) : null;
        if (decoded == null) {
          b.append(c);
          i++;
        } else {
          b.append(decoded.text());
          i = decoded.end();
        }
      }
      return b.toString();
    }
  }

  /** A payload that does not decode would make an attachment nobody can open: such an image is dropped. */
  private static boolean decodes(String base64) {
    try {
      Base64.getDecoder().decode(base64);
      return true;
    } catch (IllegalArgumentException bad) {
      return false;
    }
  }
}
