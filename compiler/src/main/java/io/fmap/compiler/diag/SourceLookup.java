package io.fmap.compiler.diag;

import java.util.Map;
import java.util.Optional;

/** Where renderers find the text of a file to show the offending line. */
@FunctionalInterface
public interface SourceLookup {

  Optional<String> text(String file);

  static SourceLookup of(Map<String, String> texts) {
    Map<String, String> copy = Map.copyOf(texts);
    return file -> Optional.ofNullable(copy.get(file));
  }

  static SourceLookup none() {
    return file -> Optional.empty();
  }
}
