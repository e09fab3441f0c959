package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/**
 * One parsed {@code .fmap} file. Declarations that had syntax errors are left out; comments are
 * kept (in source order) only so the formatter can put them back.
 */
public record SourceFile(String file, List<Declaration> declarations, List<Comment> comments, Span span)
    implements Node {

  public SourceFile {
    declarations = List.copyOf(declarations);
    comments = List.copyOf(comments);
  }

  public <T extends Declaration> List<T> declarationsOf(Class<T> kind) {
    return declarations.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
