package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;
import java.util.stream.Collectors;

/** The target field on the left of an assignment, e.g. {@code emailaddress1}. */
public record FieldPath(List<Name> segments, Span span) implements Node {

  public FieldPath {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) throw new IllegalArgumentException("a field path has at least one segment");
  }

  public String dotted() {
    return segments.stream().map(Name::text).collect(Collectors.joining("."));
  }
}
