package io.fmap.runtime.functions;

import java.util.Locale;
import java.util.Map;

/** HTML in and out of text: escaping plain text, and reading the visible text out of markup. */
final class Html {

  private Html() {}

  /** Element names whose content is never visible text, so stripping removes it whole. */
  private static final java.util.Set<String> INVISIBLE = java.util.Set.of("script", "style", "head", "title", "template");

  /** Elements that start a new line where they open or close. */
  private static final java.util.Set<String> LINE = java.util.Set.of(
      "br", "div", "li", "ul", "ol", "tr", "table", "hr", "section", "article", "header", "footer");

  /** Elements that start a new paragraph (a blank line) where they open or close. */
  private static final java.util.Set<String> PARAGRAPH = java.util.Set.of(
      "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre");

  /** Marks a paragraph break while scanning; text never carries it (raw line breaks are spaces). */
  private static final char PARAGRAPH_BREAK = '\u2029';

  private static final Map<String, String> ENTITIES = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Paragraphs (blank-line separated) become {@code <p>}, single line breaks {@code <br>}. */
  static String fromText(String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (normalized.isEmpty()) return "";
    StringBuilder out = new StringBuilder(normalized.length() + 32);
    for (String paragraph : normalized.split("\n\\s*\n")) {
      out.append("<p>");
      String[] lines = paragraph.strip().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) out.append("<br>");
        out.append(escape(lines[i].strip()));
      }
      out.append("</p>");
    }
    return out.toString();
  }

  /**
   * The visible text of an HTML fragment. A hand-written scanner rather than regular expressions:
   * it runs in linear time on any input, including unclosed tags and comments.
   */
  static String strip(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        int close = html.indexOf('>', i + 1);
        if (close < 0) {
          break; // an unclosed tag at the end: what follows is markup, not text
        }
        String name = tagName(html, i + 1, close);
        if (INVISIBLE.contains(name)) {
          i = skipElement(html, name, close + 1);
          continue;
        }
        if (PARAGRAPH.contains(name)) {
          out.append(PARAGRAPH_BREAK);
        } else if (LINE.contains(name)) {
          out.append('\n');
        }
        i = close + 1;
      } else if (c == '&') {
        Decoded decoded = entityAt(html, i);
        if (decoded == null) {
          out.append(c);
          i++;
        } else {
          out.append(decoded.text());
          i = decoded.end();
        }
      } else {
        // In HTML a line break in the source is only white space; tags make the lines.
        out.append(c == '\n' || c == '\r' || c == '\t' || c == PARAGRAPH_BREAK ? ' ' : c);
        i++;
      }
    }
    return tidy(out);
  }

  private static String tagName(String html, int from, int to) {
    int start = from < to && html.charAt(from) == '/' ? from + 1 : from;
    int end = start;
    while (end < to && Character.isLetterOrDigit(html.charAt(end))) end++;
    return html.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /**
   * Index just after {@code </name>} (any case), or the end of the input when the element never
   * closes. Looks only from {@code from} on, and the caller goes on from the answer, so a text of
   * many such elements is read once. (Lower-casing the whole input per element was quadratic, and
   * shifted indices where a character lower-cases to two, such as the dotted capital I.)
   */
  private static int skipElement(String html, String name, int from) {
    String closing = "</" + name;
    for (int at = html.indexOf('<', from); at >= 0; at = html.indexOf('<', at + 1)) {
      if (html.regionMatches(true, at, closing, 0, closing.length())) {
        int close = html.indexOf('>', at);
        return close < 0 ? html.length() : close + 1;
      }
    }
    return html.length();
  }

  /** An entity's text and the index just after its {@code ;}. */
  record Decoded(String text, int end) {}

  /**
   * The entity starting at {@code at} (an {@code &}), or null when none is there. The {@code ;} is
   * looked for in the next ten characters only, so text full of {@code &} stays linear to scan.
   */
  static Decoded entityAt(String s, int at) {
    int limit = Math.min(s.length(), at + 11);
    for (int i = at + 1; i < limit; i++) {
      if (s.charAt(i) == ';') {
        String text = entity(s.substring(at + 1, i));
        return text == null ? null : new Decoded(text, i + 1);
      }
    }
    return null;
  }

  /** The character(s) of a named or numeric entity ({@code amp}, {@code #233}, {@code #x1F600}); null when unknown. */
  static String entity(String name) {
    if (name.startsWith("#")) {
      try {
        int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return ENTITIES.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Collapses runs of spaces, trims each line, drops empty lines, and joins lines with a line
   * break, or with a blank line where a paragraph break lay between them.
   */
  private static String tidy(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder line = new StringBuilder();
    boolean paragraphPending = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c != '\n' && c != PARAGRAPH_BREAK) {
        line.append(c);
        continue;
      }
      String collapsed = line.toString().replaceAll("[ \\u00A0]+", " ").strip();
      line.setLength(0);
      if (!collapsed.isEmpty()) {
        if (out.length() > 0) out.append(paragraphPending ? "\n\n" : "\n");
        out.append(collapsed);
        paragraphPending = false;
      }
      if (c == PARAGRAPH_BREAK) paragraphPending = true;
    }
    return out.toString();
  }
}
