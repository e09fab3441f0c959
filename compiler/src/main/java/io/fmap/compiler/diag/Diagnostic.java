package io.fmap.compiler.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One finding, as data. Renderers turn it into text, GNU one-liners or JSON; nothing else
 * formats diagnostics.
 *
 * @param label    short text shown under the caret of the primary span ("" for none)
 * @param help     one line saying what to do
 * @param notes    extra facts ("note: ...")
 * @param labels   secondary spans, e.g. where a block was opened
 */
public record Diagnostic(DiagnosticCode code, Severity severity, Span span, String message,
                         String label, Optional<String> help, List<String> notes,
                         List<Label> labels, Optional<Suggestion> suggestion) {

  public Diagnostic {
    if (code == null || severity == null || span == null || message == null || label == null) {
      throw new IllegalArgumentException("code, severity, span, message and label are required");
    }
    notes = List.copyOf(notes);
    labels = List.copyOf(labels);
  }

  /** A finding with the code's usual severity and nothing but a message. */
  public static Diagnostic of(DiagnosticCode code, Span span, String message) {
    return new Diagnostic(code, code.defaultSeverity(), span, message, "", Optional.empty(),
        List.of(), List.of(), Optional.empty());
  }

  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(code, newSeverity, span, message, label, help, notes, labels, suggestion);
  }

  public Diagnostic withLabel(String newLabel) {
    return new Diagnostic(code, severity, span, message, newLabel, help, notes, labels, suggestion);
  }

  public Diagnostic withHelp(String newHelp) {
    return new Diagnostic(code, severity, span, message, label, Optional.of(newHelp), notes, labels, suggestion);
  }

  public Diagnostic withNote(String note) {
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return new Diagnostic(code, severity, span, message, label, help, more, labels, suggestion);
  }

  public Diagnostic withSecondary(Span where, String what) {
    List<Label> more = new ArrayList<>(labels);
    more.add(new Label(where, what));
    return new Diagnostic(code, severity, span, message, label, help, notes, more, suggestion);
  }

  public Diagnostic withSuggestion(Span where, String replacement) {
    return new Diagnostic(code, severity, span, message, label, help, notes, labels,
        Optional.of(new Suggestion(where, replacement)));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
