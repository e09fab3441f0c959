package io.fmap.runtime.api;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps lines of generated Java back to the {@code .fmap} lines they came from, so that an
 * exception thrown inside generated code is reported where the user can fix it. Built by the
 * compiler from the {@code // contact.fmap:14} comments it writes above each statement; costs
 * nothing at run time until something fails.
 */
public final class GeneratedLines {

  private final Map<String, NavigableMap<Integer, FmapLocation>> byClass;

  /** @param byClass for each generated class (binary name), Java line → the .fmap line of the statement starting there */
  public GeneratedLines(Map<String, ? extends Map<Integer, FmapLocation>> byClass) {
    TreeMap<String, NavigableMap<Integer, FmapLocation>> copy = new TreeMap<>();
    byClass.forEach((cls, lines) -> copy.put(cls, Collections.unmodifiableNavigableMap(new TreeMap<>(lines))));
    this.byClass = Collections.unmodifiableMap(copy);
  }

  public static GeneratedLines none() {
    return new GeneratedLines(Map.of());
  }

  /** The .fmap line of the innermost generated statement on the throwable's stack, if any. */
  public Optional<FmapLocation> locate(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      NavigableMap<Integer, FmapLocation> lines = linesOf(frame.getClassName());
      if (lines != null && frame.getLineNumber() > 0) {
        Map.Entry<Integer, FmapLocation> statement = lines.floorEntry(frame.getLineNumber());
        if (statement != null) return Optional.of(statement.getValue());
      }
    }
    return Optional.empty();
  }

  /** The table for one class, or null; a nested class (a lambda's, an anonymous one) shares its outer class's lines. */
  public NavigableMap<Integer, FmapLocation> linesOf(String className) {
    NavigableMap<Integer, FmapLocation> exact = byClass.get(className);
    if (exact != null) return exact;
    int nested = className.indexOf('$');
    return nested < 0 ? null : byClass.get(className.substring(0, nested));
  }
}
