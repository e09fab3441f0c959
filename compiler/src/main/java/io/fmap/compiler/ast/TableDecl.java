package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/** {@code table dynamics.new_project { name: text(200) required ... }}: a table the migration adds. */
public record TableDecl(QualifiedName table, List<TableColumn> columns, Span span) implements Declaration {

  public TableDecl {
    columns = List.copyOf(columns);
  }
}
