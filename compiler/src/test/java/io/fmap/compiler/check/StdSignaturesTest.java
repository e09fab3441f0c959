package io.fmap.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.Compiler;
import io.fmap.compiler.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The function table is read from Std itself; these are the signatures mappings in the wild rely on. */
class StdSignaturesTest {
  private final FunctionTable std = Compiler.FUNCTIONS;

  @Test
  void everyFunctionTheLanguageDesignNamesIsCallable() {
    for (String name : List.of("trim", "lower", "upper", "concat", "truncate", "coalesce", "replace", "split", "join",
        "parse_date", "parse_datetime", "to_utc", "days_since", "today", "parse_decimal", "parse_int", "html_escape",
        "text_to_html", "strip_html", "sanitize_html", "detach_inline_image", "inline_image_data",
        "inline_image_name", "inline_image_type", "sanitize_filename", "sanitize_process_name", "email_normalize",
        "phone_normalize")) {
      assertFalse(std.overloads(name).isEmpty(), name + " is missing from Std");
    }
  }

  @Test
  void runContextIsPassedByGeneratedCodeNotWrittenInTheMapping() {
    FunctionTable.Signature days = std.overloads("days_since").get(0);
    assertTrue(days.context());
    assertEquals(1, days.params().size());
    assertTrue(std.overloads("today").get(0).params().isEmpty());
  }

  @Test
  void truncateTakesTextAndALength() {
    FunctionTable.Signature truncate = std.overloads("truncate").get(0);
    assertEquals(List.of(Type.TEXT, Type.INT), truncate.params());
    assertFalse(truncate.context());
  }
}
