package io.fmap.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.ir.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FunctionTableTest {

  /** Stands in for Std: the table is read from whatever class implements the functions. */
  @SuppressWarnings("unused")
  public static final class Fixture {
    public static String trim(String s) { return s; }
    public static String truncate(String s, long max) { return s; }
    public static LocalDate parseDate(String s, String format) { return null; }
    public static LocalDate parseDate(String s) { return null; }
    public static long daysSince(Instant when) { return 0; }
    public static String concat(String... parts) { return ""; }
    public static List<String> split(String s, String sep) { return List.of(); }
    public static BigDecimal decimal(String s, String locale) { return null; }
    public static boolean isBlank(Object value) { return false; }
    /** Not callable from a mapping: Locale has no fmap type. */
    public static String format(Locale l, String s) { return s; }
    static String packagePrivate(String s) { return s; }
    public String instance(String s) { return s; }
  }

  private final FunctionTable table = FunctionTable.of(Fixture.class);

  @Test
  void publicStaticMethodsWithFmapTypesBecomeFunctionsInSnakeCase() {
    assertEquals(List.of("concat", "days_since", "decimal", "is_blank", "parse_date", "split", "trim", "truncate"),
        List.copyOf(table.names()));
    assertEquals("parseDate", table.overloads("parse_date").get(0).javaMethod());
  }

  @Test
  void methodsThatAMappingCannotCallAreLeftOut() {
    assertTrue(table.overloads("format").isEmpty());
    assertTrue(table.overloads("package_private").isEmpty());
    assertTrue(table.overloads("instance").isEmpty());
  }

  @Test
  void javaTypesMapToFmapTypes() {
    FunctionTable.Signature days = table.overloads("days_since").get(0);
    assertEquals(List.of(Type.DATETIME), days.params());
    assertEquals(Type.INT, days.result());
    assertEquals(new Type.ListOf(Type.TEXT), table.overloads("split").get(0).result());
    assertEquals(Type.DECIMAL, table.overloads("decimal").get(0).result());
    assertEquals(List.of(Type.UNKNOWN), table.overloads("is_blank").get(0).params());
  }

  @Test
  void overloadsAreOrderedByArityAndVarargsAcceptAnyCount() {
    List<FunctionTable.Signature> parse = table.overloads("parse_date");
    assertEquals(1, parse.get(0).params().size());
    assertEquals(2, parse.get(1).params().size());
    FunctionTable.Signature concat = table.overloads("concat").get(0);
    assertTrue(concat.accepts(0) && concat.accepts(5));
    assertEquals(Type.TEXT, concat.param(3));
    assertFalse(table.overloads("trim").get(0).accepts(2));
    assertEquals("truncate(text, int) -> text", table.overloads("truncate").get(0).describe());
  }
}
