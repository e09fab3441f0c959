package io.fmap.runtime.functions;

/** Text helpers the other function groups share. */
final class Texts {

  private Texts() {}

  /** At most {@code max} UTF-16 units, never splitting a surrogate pair (an emoji stays whole or goes). */
  static String truncate(String text, int max) {
    if (text.length() <= max) return text;
    int end = Math.max(0, max);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return text.substring(0, end);
  }
}
