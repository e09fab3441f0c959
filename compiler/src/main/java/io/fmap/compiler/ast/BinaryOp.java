package io.fmap.compiler.ast;

/**
 * Binary operators with their spelling and binding strength (higher binds tighter). The
 * formatter relies on the strengths to put back exactly the parentheses that are needed.
 */
public enum BinaryOp {
  FALLBACK("??", 1),
  OR("or", 3),
  AND("and", 4),
  EQ("==", 6),
  NE("!=", 6),
  LT("<", 6),
  LE("<=", 6),
  GT(">", 6),
  GE(">=", 6),
  ADD("+", 7),
  SUB("-", 7),
  MUL("*", 8),
  DIV("/", 8),
  MOD("%", 8);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  /** Comparisons do not chain: {@code a < b < c} is not an expression. */
  public boolean isComparison() {
    return precedence == 6;
  }
}
