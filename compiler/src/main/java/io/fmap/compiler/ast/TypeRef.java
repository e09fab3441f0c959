package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/**
 * A written type: {@code text(100)}, {@code decimal(18,2)}, {@code lookup(dynamics.account)},
 * {@code choice { Gold, Silver }}. The name is not checked here; the checker knows the types.
 */
public record TypeRef(Name name, List<TypeArg> args, List<ChoiceOption> options, Span span) implements Node {

  public TypeRef {
    args = List.copyOf(args);
    options = List.copyOf(options);
  }
}
