package io.fmap.compiler.emit;

/**
 * A Java string literal for text a user controls. Only printable ASCII is written as itself;
 * control characters become octal escapes and everything else {@code \}{@code uXXXX} escapes.
 * Why not JavaPoet's {@code $S}: it writes non-ASCII as is, and splits lines at U+2028, which ends
 * up as a line break inside the literal. An octal escape, unlike a unicode escape, is never turned
 * into a real line break by javac, so no input can end the literal early.
 */
record JavaLiteral(String value) {

  static JavaLiteral of(String value) {
    return new JavaLiteral(value);
  }

  @Override
  public String toString() {
    if (value == null) return "null";
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        out.append(String.format("\\%03o", (int) c));
      } else if (c > 0x7E) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
