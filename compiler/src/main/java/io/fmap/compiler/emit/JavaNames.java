package io.fmap.compiler.emit;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Java identifiers for names that come from {@code .fmap} files and schemas, which may hold
 * anything: spaces, quotes, keywords, unicode. A name is kept when it is a plain Java identifier;
 * otherwise each character Java does not allow becomes {@code _xHHHH_}, so two different names
 * never mangle to the same identifier, and the result never depends on the machine.
 */
final class JavaNames {

  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
      "non-sealed", "_");

  private final Set<String> taken = new HashSet<>();

  /** A unique identifier for {@code name}; a clash (case-insensitive, for case-insensitive file systems) gets a number. */
  String allocate(String name) {
    String base = identifier(name);
    String candidate = base;
    for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = base + "_" + n;
    }
    return candidate;
  }

  /** Reserves a name generated code uses itself, so no user name takes it. */
  void reserve(String name) {
    taken.add(name.toLowerCase(Locale.ROOT));
  }

  static String identifier(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    name.codePoints().forEach(cp -> {
      // ASCII letters, digits and _ only: other Java-legal letters would make file names differ by platform.
      boolean plain = cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '_');
      if (plain) {
        out.append((char) cp);
      } else {
        out.append(String.format(Locale.ROOT, "_x%04X_", cp));
      }
    });
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) out.insert(0, '_');
    String id = out.toString();
    return RESERVED.contains(id) ? id + "_" : id;
  }
}
