package io.fmap.compiler.ast;

/** Prefix operators. */
public enum UnaryOp {
  NOT("not"),
  NEGATE("-");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
