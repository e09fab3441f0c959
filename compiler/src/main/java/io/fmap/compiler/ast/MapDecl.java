package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * {@code map spark.Contact -> dynamics.lead when ... where ... after ... { ... }}.
 *
 * @param routing which records of the source object this map takes
 * @param where   records failing this filter are skipped on purpose (not a routing hole)
 * @param after   objects that must be loaded first although no {@code ref} shows it
 */
public record MapDecl(QualifiedName source, QualifiedName target, Routing routing, Optional<Expr> where,
                      List<QualifiedName> after, List<MapItem> items, Span span) implements Declaration {

  public MapDecl {
    after = List.copyOf(after);
    items = List.copyOf(items);
  }

  public List<Assignment> assignments() {
    return items.stream().filter(Assignment.class::isInstance).map(Assignment.class::cast).toList();
  }
}
