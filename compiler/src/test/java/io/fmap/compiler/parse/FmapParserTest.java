package io.fmap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.ast.Assignment;
import io.fmap.compiler.ast.Binary;
import io.fmap.compiler.ast.BinaryOp;
import io.fmap.compiler.ast.MapDecl;
import io.fmap.compiler.ast.Pipe;
import io.fmap.compiler.ast.Ref;
import io.fmap.compiler.ast.Routing;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FmapParserTest {

  @Test
  void aMapBecomesAnAstWithSpansPointingAtTheSource() {
    ParseResult result = FmapParser.parse("company.fmap", """
        map spark.Company -> dynamics.account when kind == "b2b" {
          key fmap_sourceid = id
          name = name | trim
          parentaccountid = ref(spark.Company, parent_id)
        }
        """);
    assertEquals(List.of(), result.diagnostics());
    MapDecl map = result.file().declarationsOf(MapDecl.class).get(0);
    assertEquals("spark.Company", map.source().dotted());
    assertEquals("dynamics.account", map.target().dotted());
    assertInstanceOf(Routing.When.class, map.routing());
    Assignment key = map.assignments().get(0);
    assertTrue(key.key());
    assertEquals(2, key.span().startLine());
    assertEquals(3, key.span().startColumn());
    assertInstanceOf(Pipe.class, map.assignments().get(1).value());
    Ref ref = (Ref) map.assignments().get(2).value();
    assertEquals("spark.Company", ref.object().dotted());
  }

  @Test
  void operatorsBindByPrecedence() {
    MapDecl map = FmapParser.parse("p.fmap", "map a.B -> c.d { x = a + b * c ?? d }")
        .file().declarationsOf(MapDecl.class).get(0);
    Binary fallback = (Binary) map.assignments().get(0).value();
    assertEquals(BinaryOp.FALLBACK, fallback.op());
    Binary add = (Binary) fallback.left();
    assertEquals(BinaryOp.ADD, add.op());
    assertEquals(BinaryOp.ADD, add.op());
    assertEquals(BinaryOp.MUL, ((Binary) add.right()).op());
  }

  @Test
  void pipesAndFallbacksApplyLeftToRight() {
    MapDecl map = FmapParser.parse("p.fmap", "map a.B -> c.d { x = a ?? b | f\n y = a | f ?? b }")
        .file().declarationsOf(MapDecl.class).get(0);
    Pipe first = (Pipe) map.assignments().get(0).value();
    assertEquals(BinaryOp.FALLBACK, ((Binary) first.input()).op());
    Binary second = (Binary) map.assignments().get(1).value();
    assertEquals(BinaryOp.FALLBACK, second.op());
    assertInstanceOf(Pipe.class, second.left());
  }

  @Test
  void oneFileReportsSeveralSyntaxErrors() {
    ParseResult result = FmapParser.parse("bad.fmap", """
        map spark.A -> dynamics.a {
          name = = x
        }
        map spark.B -> dynamics.b {
          other = (y
        }
        """);
    assertTrue(result.diagnostics().size() >= 2, () -> "expected two findings, got " + result.diagnostics());
    for (Diagnostic d : result.diagnostics()) {
      assertTrue(!d.message().contains("extraneous") && !d.message().contains("mismatched"), d.message());
    }
  }

  @Test
  void aMisspeltKeywordGetsADidYouMean() {
    ParseResult result = FmapParser.parse("typo.fmap", "mapp spark.A -> dynamics.a { x = y }");
    Diagnostic first = result.diagnostics().get(0);
    assertEquals(DiagnosticCode.UNKNOWN_KEYWORD, first.code());
    assertEquals("did you mean `map`?", first.help().orElseThrow());
  }
}
