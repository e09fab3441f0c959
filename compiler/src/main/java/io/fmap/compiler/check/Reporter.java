package io.fmap.compiler.check;

import io.fmap.compiler.diag.DidYouMean;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Diagnostics;
import io.fmap.compiler.diag.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Collects the checker's findings; nothing is thrown, every check reports and goes on. */
final class Reporter {
  private final List<Diagnostic> found = new ArrayList<>();

  /** Reports a finding with the code's severity; {@code help} may be null. */
  Diagnostic report(DiagnosticCode code, Span span, String message, String label, String help) {
    Diagnostic d = Diagnostic.of(code, span, message).withLabel(label == null ? "" : label);
    if (help != null) d = d.withHelp(help);
    found.add(d);
    return d;
  }

  /** Replaces the last reported finding with an enriched copy (a secondary span, a note). */
  void amendLast(java.util.function.UnaryOperator<Diagnostic> change) {
    found.set(found.size() - 1, change.apply(found.get(found.size() - 1)));
  }

  /** "did you mean `x`?" when a known name is close to the unknown one. */
  static Optional<String> didYouMean(String unknown, Collection<String> known) {
    return DidYouMean.closest(unknown, known).map(s -> "did you mean `" + s + "`?");
  }

  boolean hasErrors() {
    return Diagnostics.hasErrors(found);
  }

  List<Diagnostic> diagnostics() {
    return Diagnostics.sorted(found);
  }
}
