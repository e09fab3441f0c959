package io.fmap.runtime.functions;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Turning free text into names other systems accept: file names and process (schema) names. */
final class Names {

  private Names() {}

  /** Device names Windows (and so SharePoint and many mail clients) refuse as a file's base name. */
  private static final Set<String> WINDOWS_RESERVED = Set.of(
      "CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  /** NTFS and SharePoint limit a path segment to 255 characters. */
  static final int MAX_FILENAME = 255;

  /** Leaves room for a customization prefix ({@code new_}) in Dataverse's 64-character schema names. */
  static final int MAX_PROCESS_NAME = 50;

  static String filename(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> {
      boolean forbidden = cp < 0x20 || cp == 0x7F || "<>:\"/\\|?*".indexOf(cp) >= 0;
      out.appendCodePoint(forbidden ? '_' : cp);
    });
    // Windows silently drops trailing dots and spaces, so two names would collide on disk.
    String cleaned = out.toString().strip().replaceAll("[. ]+$", "");
    if (cleaned.isEmpty()) return "unnamed";
    int dot = cleaned.indexOf('.');
    String base = dot < 0 ? cleaned : cleaned.substring(0, dot);
    if (WINDOWS_RESERVED.contains(base.strip().toUpperCase(Locale.ROOT))) cleaned = "_" + cleaned;
    return limit(cleaned, MAX_FILENAME);
  }

  /** Cuts an over-long file name in its base name, so the extension (and the file type) survive. */
  private static String limit(String name, int max) {
    if (name.length() <= max) return name;
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    return Texts.truncate(name.substring(0, name.length() - extension.length()), max - extension.length())
        + extension;
  }

  static String processName(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String snake = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (snake.isEmpty()) return null;
    if (!Character.isLetter(snake.charAt(0))) snake = "p_" + snake;
    return snake.length() <= MAX_PROCESS_NAME ? snake
        : snake.substring(0, MAX_PROCESS_NAME).replaceAll("_+$", "");
  }
}
