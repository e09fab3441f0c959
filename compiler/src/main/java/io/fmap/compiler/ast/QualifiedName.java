package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;
import java.util.stream.Collectors;

/** A dotted name of something in a schema: {@code spark.Company}, {@code dynamics.account.new_tier}. */
public record QualifiedName(List<Name> parts, Span span) implements Node {

  public QualifiedName {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) throw new IllegalArgumentException("a qualified name has at least one part");
  }

  /** The parts joined with dots, e.g. {@code spark.Company}. */
  public String dotted() {
    return parts.stream().map(Name::text).collect(Collectors.joining("."));
  }

  public Name first() {
    return parts.get(0);
  }

  public Name last() {
    return parts.get(parts.size() - 1);
  }

  @Override
  public String toString() {
    return dotted();
  }
}
