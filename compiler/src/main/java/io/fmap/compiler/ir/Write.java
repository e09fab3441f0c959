package io.fmap.compiler.ir;

import java.util.List;
import java.util.Optional;

/** How an assigned value is written to Dataverse. */
public sealed interface Write {

  /** {@code "column": value}. */
  record Plain() implements Write {}

  /**
   * {@code "<navigationProperty>@odata.bind": "/<entitySet>(<id>)"}: a lookup, with one binding per
   * table the value may point to (the runtime picks the one of the referenced row's table).
   */
  record Bind(List<Binding> bindings) implements Write {
    public Bind { bindings = List.copyOf(bindings); }

    public Optional<Binding> forTable(String table) {
      return bindings.stream().filter(b -> b.table().equals(table)).findFirst();
    }
  }

  /** A lookup target: the table, its entity set and the navigation property named for it. */
  record Binding(String table, String entitySet, String navigationProperty) {}

  Write PLAIN = new Plain();
}
