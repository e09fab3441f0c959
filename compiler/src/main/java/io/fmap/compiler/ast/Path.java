package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A field of the source record or a name in scope (a {@code let} or a {@code param}):
 * {@code company.name}, {@code `Custom Field 3`}. Which one it is, the checker decides.
 */
public record Path(List<Name> segments, Span span) implements Expr {

  public Path {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) throw new IllegalArgumentException("a path has at least one segment");
  }

  public String dotted() {
    return segments.stream().map(Name::text).collect(Collectors.joining("."));
  }
}
