package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;
import java.util.Optional;

/** {@code valuemap NAME: spark.Deal.stage -> dynamics.opportunity.salesstage { "a" -> X ... else -> Y }}. */
public record ValueMapDecl(Name name, QualifiedName sourceField, QualifiedName targetField,
                           List<ValueMapping> mappings, Optional<ValueElse> otherwise, Span span)
    implements Declaration {

  public ValueMapDecl {
    mappings = List.copyOf(mappings);
  }
}
