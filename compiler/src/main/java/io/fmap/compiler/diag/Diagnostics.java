package io.fmap.compiler.diag;

import java.util.Comparator;
import java.util.List;

/** Helpers over lists of findings: the one reading order every renderer and test uses. */
public final class Diagnostics {

  /** File, then position, then code: the same findings always print in the same order. */
  public static final Comparator<Diagnostic> READING_ORDER = Comparator
      .comparing((Diagnostic d) -> d.span().file())
      .thenComparingInt(d -> d.span().startOffset())
      .thenComparingInt(d -> d.span().endOffset())
      .thenComparing(d -> d.code().id())
      .thenComparing(Diagnostic::message);

  private Diagnostics() {}

  public static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().sorted(READING_ORDER).toList();
  }

  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public static long count(List<Diagnostic> diagnostics, Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  /** "2 errors, 1 warning" — the closing line of a human report. */
  public static String summary(List<Diagnostic> diagnostics) {
    long errors = count(diagnostics, Severity.ERROR);
    long warnings = count(diagnostics, Severity.WARNING);
    return plural(errors, "error") + ", " + plural(warnings, "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
