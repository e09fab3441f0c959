package io.fmap.compiler.ast;

/** How many records on each side of a declared relationship. */
public enum Cardinality {
  MANY_TO_MANY("many-to-many"),
  ONE_TO_MANY("one-to-many"),
  MANY_TO_ONE("many-to-one");

  private final String keyword;

  Cardinality(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }
}
