package io.fmap.compiler.diag;

/** How bad a finding is. Only errors make {@code fmap check} fail and stop code generation. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  private final String word;

  Severity(String word) {
    this.word = word;
  }

  /** The lower-case word used in every rendering ({@code error[FM1001]: ...}). */
  public String word() {
    return word;
  }
}
