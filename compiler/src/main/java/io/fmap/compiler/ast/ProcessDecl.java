package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/** {@code process "Sales pipeline" on dynamics.opportunity stages ["Qualify", "Develop"]}: a business process flow. */
public record ProcessDecl(String name, QualifiedName table, List<TextLit> stages, Span span) implements Declaration {

  public ProcessDecl {
    stages = List.copyOf(stages);
  }
}
