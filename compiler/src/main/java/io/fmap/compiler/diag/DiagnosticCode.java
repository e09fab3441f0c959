package io.fmap.compiler.diag;

/**
 * The one catalogue of diagnostic codes. A code never changes meaning once released: tests,
 * CI filters and the docs refer to it. Ranges by phase:
 * FM1xxx syntax and loading, FM2xxx names, FM3xxx types, FM4xxx completeness, FM5xxx order.
 */
public enum DiagnosticCode {

  // ------------------------------------------------------------------ FM1xxx: syntax and loading
  UNEXPECTED_TOKEN("FM1001", Severity.ERROR, "something other than what the language allows here"),
  UNTERMINATED_STRING("FM1002", Severity.ERROR, "a text literal is not closed on its line"),
  UNEXPECTED_CHARACTER("FM1003", Severity.ERROR, "a character that is not part of the language"),
  MISSING_TOKEN("FM1004", Severity.ERROR, "a required symbol is missing"),
  UNCLOSED_BRACKET("FM1005", Severity.ERROR, "a `{`, `(` or `[` is never closed"),
  UNKNOWN_KEYWORD("FM1006", Severity.ERROR, "a word that looks like a misspelt keyword"),
  INVALID_ESCAPE("FM1007", Severity.ERROR, "a backslash escape the language does not know"),
  TOO_DEEPLY_NESTED("FM1008", Severity.ERROR, "brackets or expressions nested deeper than fmap reads"),
  NOT_TEXT("FM1009", Severity.ERROR, "the file holds binary data, not text"),
  INVALID_UTF8("FM1010", Severity.ERROR, "the file is not valid UTF-8"),
  INVALID_DATE("FM1011", Severity.ERROR, "a date or date-time literal that is not a real date"),
  INVALID_NUMBER("FM1012", Severity.ERROR, "a number too large for its place"),
  UNEXPECTED_END("FM1013", Severity.ERROR, "the file ends in the middle of a declaration"),
  EMPTY_FILE("FM1014", Severity.WARNING, "a .fmap file with no declarations"),
  TOO_MANY_ERRORS("FM1015", Severity.NOTE, "further syntax errors in the file are not shown"),
  UNTERMINATED_QUOTED_NAME("FM1016", Severity.ERROR, "a `quoted name` is not closed on its line"),
  IMPORT_NOT_FOUND("FM1017", Severity.ERROR, "an imported file does not exist"),
  UNREADABLE_FILE("FM1018", Severity.ERROR, "a file could not be read"),
  NO_FMAP_FILES("FM1019", Severity.WARNING, "a folder given to fmap holds no .fmap files"),
  UNCLOSED_BLOCK_AT_END("FM1020", Severity.ERROR, "a block is still open when the file ends"),
  FORMATTER_FAILED("FM1021", Severity.ERROR, "fmt could not reformat a file without changing its meaning (a bug)"),

  // ------------------------------------------------------------------ FM2xxx: names (checker)

  // ------------------------------------------------------------------ FM3xxx: types (checker)

  // ------------------------------------------------------------------ FM4xxx: completeness (checker)

  // ------------------------------------------------------------------ FM5xxx: order (checker)
  ;

  private final String id;
  private final Severity defaultSeverity;
  private final String summary;

  DiagnosticCode(String id, Severity defaultSeverity, String summary) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.summary = summary;
  }

  /** The stable code people search for, e.g. {@code FM1002}. */
  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** One line saying what the code is about, for the docs table and {@code --explain}-style output. */
  public String summary() {
    return summary;
  }
}
