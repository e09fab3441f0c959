package io.fmap.compiler.emit;

import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.GeneratedLines;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code // contact.fmap:14} comments above generated statements: how they are written
 * (safely, whatever the file is called) and how they are read back into the line table that
 * locates runtime failures.
 */
public final class SourceLines {

  private SourceLines() {}

  private static final Pattern MARKER = Pattern.compile("^\\s*// (.+):(\\d+)$");

  /**
   * The comment text for a location. File names are printed as printable ASCII without
   * backslashes: javac reads {@code \\u000a} in a comment as a line break, so a file name must
   * never carry one into the generated code.
   */
  public static String marker(FmapLocation location) {
    return safeFileName(location.file()) + ":" + location.line();
  }

  /** Text for a block or doc comment: printable ASCII, and never the {@code *}{@code /} that would end it. */
  static String safeComment(String text) {
    return safeFileName(text).replace("*/", "*_/");
  }

  public static String safeFileName(String file) {
    StringBuilder out = new StringBuilder(file.length());
    file.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F && cp != '\\' ? (char) cp : '_'));
    return out.toString();
  }

  /**
   * Reads the markers of every source into a line table: each marker's Java line, and the lines
   * after it up to the next marker, belong to its {@code .fmap} line.
   *
   * @param fmapFiles the project's file names, to turn a printed (made safe) name back into the real one
   */
  public static GeneratedLines read(List<GeneratedSource> sources, Collection<String> fmapFiles) {
    Map<String, String> realName = new HashMap<>();
    fmapFiles.forEach(f -> realName.putIfAbsent(safeFileName(f), f));
    Map<String, Map<Integer, FmapLocation>> byClass = new TreeMap<>();
    for (GeneratedSource source : sources) {
      Map<Integer, FmapLocation> lines = new TreeMap<>();
      String[] text = source.code().split("\n", -1);
      for (int i = 0; i < text.length; i++) {
        Matcher m = MARKER.matcher(text[i]);
        if (!m.matches()) continue;
        String file = realName.get(m.group(1));
        if (file == null) continue; // an ordinary comment, not a marker
        lines.put(i + 1, new FmapLocation(file, Integer.parseInt(m.group(2))));
      }
      byClass.put(source.className(), lines);
    }
    return new GeneratedLines(byClass);
  }
}
