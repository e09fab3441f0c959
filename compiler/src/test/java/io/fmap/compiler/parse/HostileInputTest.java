package io.fmap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.SourceFiles;
import io.fmap.compiler.ast.Assignment;
import io.fmap.compiler.ast.MapDecl;
import io.fmap.compiler.ast.TextLit;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.SourceLookup;
import io.fmap.compiler.diag.TextRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input nobody should write but someone will: every case ends in findings, never in an
 * exception, a stack overflow or a hang. The timeouts guard against hangs only; they are far
 * above the real running time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {

  private static List<DiagnosticCode> codes(ParseResult result) {
    return result.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void anEmptyFileIsAWarningNotAnError() {
    ParseResult result = FmapParser.parse("empty.fmap", "");
    assertEquals(List.of(DiagnosticCode.EMPTY_FILE), codes(result));
    assertFalse(result.hasErrors());
  }

  @Test
  void aFileOfOnlyCommentsHasNoDeclarations() {
    assertEquals(List.of(DiagnosticCode.EMPTY_FILE), codes(FmapParser.parse("c.fmap", "// nothing yet\n")));
  }

  @Test
  void randomBytesAreReportedAsNotUtf8(@TempDir Path dir) throws Exception {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    Path file = dir.resolve("garbage.fmap");
    Files.write(file, bytes);
    SourceFiles.Read read = SourceFiles.read(file);
    SourceFiles.Unreadable unreadable = assertInstanceOf(SourceFiles.Unreadable.class, read);
    assertEquals(DiagnosticCode.INVALID_UTF8, unreadable.diagnostic().code());
  }

  @Test
  void latin1TextNamesTheLineAndColumnOfTheBadByte(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.fmap");
    Files.write(file, "map a.B -> c.d {\n  x = \"caf\u00e9\"\n}\n".getBytes(StandardCharsets.ISO_8859_1));
    SourceFiles.Unreadable unreadable = assertInstanceOf(SourceFiles.Unreadable.class, SourceFiles.read(file));
    Diagnostic d = unreadable.diagnostic();
    assertEquals(DiagnosticCode.INVALID_UTF8, d.code());
    assertEquals(2, d.span().startLine());
    assertEquals(11, d.span().startColumn());
  }

  @Test
  void aNulByteMeansBinaryData() {
    ParseResult result = FmapParser.parse("bin.fmap", "map a.B -> c.d {\0\1\2 }");
    assertEquals(List.of(DiagnosticCode.NOT_TEXT), codes(result));
  }

  @Test
  void controlCharactersAreEachReportedAndRenderedVisibly() {
    ParseResult result = FmapParser.parse("ctl.fmap", "map a.B -> c.d { x = \u0007y }");
    assertEquals(List.of(DiagnosticCode.UNEXPECTED_CHARACTER), codes(result));
    String text = new TextRenderer(false).render(result.diagnostics(),
        SourceLookup.of(Map.of("ctl.fmap", "map a.B -> c.d { x = \u0007y }")));
    assertFalse(text.contains("\u0007"), "a control byte must not reach the terminal");
  }

  @Test
  void tenThousandNestedParenthesesAreRefusedWithAFinding() {
    String deep = "(".repeat(10_000) + "x" + ")".repeat(10_000);
    ParseResult result = FmapParser.parse("deep.fmap", "map a.B -> c.d { x = " + deep + " }");
    assertEquals(List.of(DiagnosticCode.TOO_DEEPLY_NESTED), codes(result));
    assertEquals(1, result.diagnostics().get(0).span().startLine());
  }

  @Test
  void tenThousandNestedPrefixOperatorsDoNotOverflowTheStack() {
    ParseResult result = FmapParser.parse("not.fmap", "map a.B -> c.d { x = " + "not ".repeat(10_000) + "y }");
    assertTrue(result.hasErrors());
    assertTrue(codes(result).contains(DiagnosticCode.TOO_DEEPLY_NESTED)
        || codes(result).contains(DiagnosticCode.EXPRESSION_TOO_LONG), () -> codes(result).toString());
  }

  @Test
  void anAbsurdlyLongExpressionIsRefusedBeforeLaterPhasesRecurseIntoIt() {
    ParseResult result = FmapParser.parse("long.fmap", "map a.B -> c.d { x = " + "y + ".repeat(5_000) + "y }");
    assertEquals(List.of(DiagnosticCode.EXPRESSION_TOO_LONG), codes(result));
  }

  @Test
  void aOneMegabyteLineParsesAndItsFindingIsShownInAWindow() {
    String big = "a".repeat(1 << 20);
    String text = "map a.B -> c.d { x = \"" + big + "\" y }";
    ParseResult result = FmapParser.parse("wide.fmap", text);
    assertEquals(1, result.diagnostics().size());
    assertTrue(result.hasErrors());
    String rendered = new TextRenderer(false).render(result.diagnostics(), SourceLookup.of(Map.of("wide.fmap", text)));
    assertTrue(rendered.length() < 2_000, "the rendering shows a window of the line, not all of it");
  }

  @Test
  void aOneMegabyteTextLiteralKeepsItsValue() {
    String big = "b".repeat(1 << 20);
    ParseResult result = FmapParser.parse("big.fmap", "map a.B -> c.d { x = \"" + big + "\" }");
    assertEquals(List.of(), result.diagnostics());
    Assignment a = result.file().declarationsOf(MapDecl.class).get(0).assignments().get(0);
    assertEquals(big, ((TextLit) a.value()).value());
  }

  @Test
  // A hang guard, not a speed check: on a loaded 2-core machine this parse took 74 s (8 s of CPU).
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aFiveMegabyteFileOfMapsParsesCleanly() {
    StringBuilder text = new StringBuilder();
    int maps = 0;
    while (text.length() < 5 << 20) {
      text.append("map spark.Object").append(maps).append(" -> dynamics.table").append(maps).append(" {\n");
      for (int i = 0; i < 40; i++) text.append("  field_").append(i).append(" = source_").append(i).append(" | trim ?? \"none\"\n");
      text.append("}\n\n");
      maps++;
    }
    ParseResult result = FmapParser.parse("five.fmap", text.toString());
    assertEquals(List.of(), result.diagnostics());
    assertEquals(maps, result.file().declarations().size());
  }

  @Test
  void anUnterminatedMegabyteStringIsOneFinding() {
    ParseResult result = FmapParser.parse("u.fmap", "map a.B -> c.d { x = \"" + "c".repeat(1 << 20) + "\n}\n");
    assertEquals(List.of(DiagnosticCode.UNTERMINATED_STRING), codes(result));
  }

  @Test
  void manyErrorsStopAtTheLimitWithANote() {
    ParseResult result = FmapParser.parse("noise.fmap", "map a.B -> c.d { x = y }\n" + "$ ".repeat(500));
    assertEquals(SyntaxReporter.MAX_ERRORS + 1, result.diagnostics().size());
    assertEquals(DiagnosticCode.TOO_MANY_ERRORS, result.diagnostics().get(result.diagnostics().size() - 1).code());
  }

  @Test
  void aByteOrderMarkAndWindowsLineBreaksChangeNothing() {
    ParseResult result = FmapParser.parse("bom.fmap", "\uFEFFmap a.B -> c.d {\r\n  x = y\r\n}\r\n");
    assertEquals(List.of(), result.diagnostics());
    Assignment a = result.file().declarationsOf(MapDecl.class).get(0).assignments().get(0);
    assertEquals(2, a.span().startLine());
    assertEquals(3, a.span().startColumn());
  }

  @Test
  void unicodeNamesAndTextAreCountedInCharactersNotBytes() {
    ParseResult result = FmapParser.parse("u.fmap", "map a.B -> c.d { 名前 = \"😀\" + 価格 }");
    assertEquals(List.of(), result.diagnostics());
    Assignment a = result.file().declarationsOf(MapDecl.class).get(0).assignments().get(0);
    assertEquals("名前", a.target().dotted());
    assertEquals(18, a.span().startColumn());
    ParseResult bad = FmapParser.parse("u.fmap", "map a.B -> c.d { 名前 = \"😀\" + § }");
    assertEquals(29, bad.diagnostics().get(0).span().startColumn());
  }
}
