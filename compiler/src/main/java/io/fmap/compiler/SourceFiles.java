package io.fmap.compiler;

import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finding .fmap files under the paths a user gives, and reading them as UTF-8 text. */
public final class SourceFiles {

  private SourceFiles() {}

  /** The text of a file, or the finding that says why there is none. */
  public sealed interface Read permits Text, Unreadable {}

  public record Text(String text) implements Read {}

  public record Unreadable(Diagnostic diagnostic) implements Read {}

  /**
   * Every .fmap file under the paths, in a stable order: a file path is taken as given (whatever
   * its extension), a folder is searched recursively, skipping hidden folders and build output.
   */
  public static List<Path> discover(List<Path> paths) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".fmap"))
              .filter(p -> !skipped(path.relativize(p)))
              .sorted()
              .forEach(found::add);
        }
      } else {
        found.add(path);
      }
    }
    return found.stream().map(Path::normalize).distinct().toList();
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String part = relative.getName(i).toString();
      if (part.startsWith(".") || part.equals("target")) return true;
    }
    return false;
  }

  /** How a file is named in findings: the path as the user would type it. */
  public static String displayName(Path path) {
    return path.normalize().toString();
  }

  public static Read read(Path path) {
    String name = displayName(path);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException | SecurityException e) {
      return new Unreadable(Diagnostic.of(DiagnosticCode.UNREADABLE_FILE, Span.startOf(name),
              "cannot read this file (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")")
          .withHelp("check that the file exists and that you may read it"));
    }
    return decode(name, bytes);
  }

  /** Strict UTF-8: a wrong byte is a finding at its line and column, never a silent replacement. */
  static Read decode(String name, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String good = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < good.length(); i++) {
        if (good.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = (int) good.substring(lineStart).codePoints().count() + 1;
      int offset = (int) good.codePoints().count();
      int bad = bytes[in.position()] & 0xff;
      return new Unreadable(Diagnostic.of(DiagnosticCode.INVALID_UTF8,
              new Span(name, line, column, line, column + 1, offset, offset + 1),
              String.format("this file is not valid UTF-8: byte 0x%02X at line %d, column %d", bad, line, column))
          .withHelp("save the file as UTF-8 (it may be Latin-1 or Windows-1252); .fmap files are always UTF-8"));
    }
    decoder.flush(out);
    out.flip();
    return new Text(out.toString());
  }
}
