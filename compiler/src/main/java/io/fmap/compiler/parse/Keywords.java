package io.fmap.compiler.parse;

import java.util.Set;
import java.util.regex.Pattern;

/** Which words the language reserves, for anything that writes .fmap text back out. */
public final class Keywords {

  private static final Pattern PLAIN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

  /** Keywords that may also be used as names (see the `name` rule of FMap.g4). */
  private static final Set<String> SOFT = Set.of("key", "owner", "required", "stages", "on", "import",
      "param", "valuemap", "column", "table", "relationship", "process", "ref", "party",
      "each", "resolve", "from");

  private static final Set<String> ALL = Set.copyOf(TokenWords.keywords());

  private Keywords() {}

  public static boolean isKeyword(String word) {
    return ALL.contains(word);
  }

  /** True when the name must be written in backticks to be read back as that name. */
  public static boolean needsQuotes(String name) {
    return !PLAIN.matcher(name).matches() || (ALL.contains(name) && !SOFT.contains(name));
  }
}
