package io.fmap.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sanitize_html and the inline-image functions: rich text survives, nothing executable does. */
class SanitizeHtmlTest {
  private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  @Test
  void formattingListsTablesAndLinksSurvive() {
    String html = "<h2>Call notes</h2><p>Spoke with <b>Ana</b> and <em>Tom</em>:</p>"
        + "<ul><li>price</li><li>terms</li></ul><table><tr><td colspan=\"2\">x</td></tr></table>"
        + "<p><a href=\"https://example.com/q?a=1&amp;b=2\" title=\"quote\">the quote</a></p>";
    assertEquals(html, Std.sanitizeHtml(html));
  }

  @Test
  void scriptsStylesAndFramesGoWithTheirContent() {
    assertEquals("<p>Copied from the web form</p><p>Click me</p>",
        Std.sanitizeHtml("<p>Copied from the web form</p><script>alert('note 2')</script>"
            + "<p onclick=\"steal()\">Click me</p>"));
    assertEquals("ab", Std.sanitizeHtml("a<style>p{}</style><iframe src=\"https://evil\">x</iframe>"
        + "<svg><script>alert(1)</script></svg><SCRIPT type=x>alert(2)</ScRiPt >b"));
    assertEquals("before", Std.sanitizeHtml("before<script>never closed <p>at all"));
    assertEquals("x", Std.sanitizeHtml("x<textarea><p>hidden</textarea>"));
  }

  /** Each of these would run script in a browser if it survived. */
  @ParameterizedTest
  @ValueSource(strings = {
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
      "<a href=\" java\tscript:alert(1)\">x</a>",
      "<a href=\"&#106;avascript:alert(1)\">x</a>",
      "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
      "<a href=\"vbscript:msgbox(1)\">x</a>",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
      "<img src=\"x\" onerror=\"alert(1)\">",
      "<img src=\"javascript:alert(1)\">",
      "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
      "<p style=\"background:url(javascript:alert(1))\">x</p>",
      "<body onload=alert(1)>x",
      "<div onmouseover='alert(1)' id=x>x</div>",
      "<scr<script>ipt>alert(1)</script>",
      "<<script>alert(1)//<</script>",
      "<object data=\"javascript:alert(1)\"></object>",
      "<embed src=\"javascript:alert(1)\">",
      "<form action=\"javascript:alert(1)\"><input type=submit></form>",
      "<math><mtext><script>alert(1)</script></mtext></math>",
      "<a href=javascript:alert(1)>x</a>",
      "<img/src=x/onerror=alert(1)>",
      "<!--<script>alert(1)</script>-->",
      "<![CDATA[<script>alert(1)</script>]]>",
  })
  void nothingExecutableSurvives(String hostile) {
    String clean = Std.sanitizeHtml(hostile).toLowerCase(Locale.ROOT);
    for (String danger : List.of("<script", "javascript:", "vbscript:", "onerror", "onload", "onclick",
        "onmouseover", "style=", "<iframe", "<object", "<embed", "<form", "<input", "svg", "data:text")) {
      assertFalse(clean.contains(danger), hostile + " became " + clean);
    }
  }

  @Test
  void textIsReEscapedSoItCannotOpenATag() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; 5 &lt; 6 &amp; 7 &gt; 3",
        Std.sanitizeHtml("&lt;script&gt;alert(1)&lt;/script&gt; 5 < 6 & 7 > 3"));
    assertEquals("&quot;quoted&quot; &#39;x&#39; &amp;bogus;", Std.sanitizeHtml("\"quoted\" 'x' &bogus;"));
  }

  @Test
  void attributeValuesAreQuotedAndEscaped() {
    assertEquals("<a href=\"https://x.example/?q=&quot;&gt;&lt;script&gt;\">x</a>",
        Std.sanitizeHtml("<a href='https://x.example/?q=\"><script>'>x</a>"));
    assertEquals("<a>x</a>", Std.sanitizeHtml("<a href=\"/relative\" target=\"_blank\" rel=x>x</a>"));
    assertEquals("<ol start=\"3\"><li>c</li></ol>", Std.sanitizeHtml("<ol start=\"3\" type=\"x\"><li>c</ol>"));
    assertEquals("<td>x</td>", Std.sanitizeHtml("<td colspan=\"2;alert(1)\">x</td>"));
  }

  @Test
  void everyElementOpenedIsClosedAndStrayClosersGo() {
    assertEquals("<p><b>bold <i>both</i></b></p>", Std.sanitizeHtml("<p><b>bold <i>both</p>"));
    assertEquals("text", Std.sanitizeHtml("</div></p>text</b>"));
    assertEquals("x<br>y<hr>", Std.sanitizeHtml("x<br/>y<hr></br>"));
  }

  @Test
  void unknownElementsLoseTheirTagsButKeepTheirText() {
    assertEquals("<p>Word export</p>", Std.sanitizeHtml("<p><o:p>Word</o:p> <font face=x>export</font></p>"));
  }

  @Test
  void deepNestingIsFlattenedNotOverflowed() {
    String deep = "<div>".repeat(100_000) + "x";
    String clean = Std.sanitizeHtml(deep);
    assertTrue(clean.contains("x"));
    assertEquals(100, clean.split("<div>", -1).length - 1);
  }

  /** Text full of ampersands or unclosed quotes is scanned once, not once per character. */
  @Test
  void pathologicalInputIsReadInOnePass() {
    String ampersands = "&".repeat(200_000);
    assertEquals("&amp;".repeat(200_000), Std.sanitizeHtml(ampersands));
    assertEquals("x", Std.sanitizeHtml("x<a href=\"" + "y".repeat(200_000)));
  }

  @Test
  void sanitizingTwiceChangesNothing() {
    for (String html : List.of("<p onclick=x>a &amp; b<script>x</script><img src=\"data:image/png;base64," + PNG
        + "\" alt=\"s\"><a href=\"https://e.example\">l</a>", "<b>open <i>tags", "5 < 6 &bogus; \"q\"")) {
      String once = Std.sanitizeHtml(html);
      assertEquals(once, Std.sanitizeHtml(once), html);
    }
  }

  @Test
  void inlineRasterImagesAndWebImagesStay() {
    String inline = "<img src=\"data:image/png;base64," + PNG + "\" alt=\"screenshot\">";
    assertEquals(inline, Std.sanitizeHtml(inline));
    assertEquals("<img src=\"https://cdn.example/a.png\" width=\"20\">",
        Std.sanitizeHtml("<img src=\"https://cdn.example/a.png\" width=\"20\" onload=x>"));
    assertEquals("logo", Std.sanitizeHtml("<img src=\"file:///c:/logo.png\" alt=\"logo\">"), "a local file: its alt text");
  }

  @Test
  void theFirstInlineImageBecomesTheAttachmentAndTheTextSaysSo() {
    String body = "<p>Screenshot of the issue:</p><p><img src=\"data:image/png;base64," + PNG
        + "\" alt=\"screenshot\"></p><p><img src=\"data:image/jpeg;base64,/9j/4AAQ\" alt=\"second\"></p>";
    assertEquals(PNG, Std.inlineImageData(body));
    assertEquals("image/png", Std.inlineImageType(body));
    assertEquals("screenshot.png", Std.inlineImageName(body));
    assertEquals("<p>Screenshot of the issue:</p><p>[screenshot.png: attached to this note]</p>"
        + "<p><img src=\"data:image/jpeg;base64,/9j/4AAQ\" alt=\"second\"></p>", Std.detachInlineImage(body));
  }

  @Test
  void anImageTheSanitizerDropsIsNeverExtracted() {
    String hidden = "<script><img src=\"data:image/png;base64," + PNG + "\"></script>"
        + "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\"><img src=\"data:image/png;base64,@@@@\">";
    assertNull(Std.inlineImageData(hidden));
    assertNull(Std.inlineImageName(hidden));
    assertEquals(Std.sanitizeHtml(hidden), Std.detachInlineImage(hidden));
  }

  @Test
  void anImageNameIsASafeFileName() {
    assertEquals("image.gif", Std.inlineImageName("<img src=\"data:image/gif;base64,R0lGODlh\">"));
    assertEquals(".._.._etc_passwd.png", Std.inlineImageName("<img alt=\"../../etc/passwd\" src=\"data:image/png;base64,"
        + PNG + "\">"));
  }

  @Test
  void nullStaysNull() {
    assertNull(Std.sanitizeHtml(null));
    assertNull(Std.detachInlineImage(null));
    assertNull(Std.inlineImageData(null));
    assertNull(Std.inlineImageType(null));
  }
}
