package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;

/** A name as the user means it: {@code `Custom Field 3`} has the text {@code Custom Field 3}. */
public record Name(String text, Span span) implements Node, Constant {

  @Override
  public String toString() {
    return text;
  }
}
