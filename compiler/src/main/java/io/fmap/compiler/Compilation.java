package io.fmap.compiler;

import io.fmap.compiler.ast.ImportDecl;
import io.fmap.compiler.ast.SourceFile;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Diagnostics;
import io.fmap.compiler.diag.SourceLookup;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.parse.FmapParser;
import io.fmap.compiler.parse.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of .fmap files loaded together: every file under the given paths plus every file they
 * import, parsed, with all syntax and loading findings. Later phases (the checker) take the
 * parsed files from here; the texts stay available so findings can show the offending line.
 */
public final class Compilation {

  private final List<SourceFile> files;
  private final List<Diagnostic> diagnostics;
  private final Map<String, String> texts;

  private Compilation(List<SourceFile> files, List<Diagnostic> diagnostics, Map<String, String> texts) {
    this.files = List.copyOf(files);
    this.diagnostics = Diagnostics.sorted(diagnostics);
    this.texts = Map.copyOf(texts);
  }

  /** Loads the files under the paths; paths that do not exist are the caller's to refuse first. */
  public static Compilation load(List<Path> paths) throws IOException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Deque<Path> queue = new ArrayDeque<>(SourceFiles.discover(paths));
    for (Path path : paths) {
      if (Files.isDirectory(path) && SourceFiles.discover(List.of(path)).isEmpty()) {
        diagnostics.add(Diagnostic.of(DiagnosticCode.NO_FMAP_FILES, Span.startOf(SourceFiles.displayName(path)),
                "no .fmap files in this folder")
            .withHelp("give the folder that holds the mappings, or a .fmap file"));
      }
    }
    Map<String, String> texts = new LinkedHashMap<>();
    List<SourceFile> files = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Path path = queue.removeFirst();
      if (!seen.add(path.toAbsolutePath().normalize())) continue;
      String name = SourceFiles.displayName(path);
      SourceFiles.Read read = SourceFiles.read(path);
      if (read instanceof SourceFiles.Unreadable u) {
        diagnostics.add(u.diagnostic());
        continue;
      }
      String text = ((SourceFiles.Text) read).text();
      ParseResult parsed = FmapParser.parse(name, text);
      texts.put(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
      files.add(parsed.file());
      diagnostics.addAll(parsed.diagnostics());
      for (ImportDecl decl : parsed.file().declarationsOf(ImportDecl.class)) {
        Path target = (path.getParent() == null ? Path.of(decl.path()) : path.getParent().resolve(decl.path())).normalize();
        if (Files.isRegularFile(target)) {
          queue.addLast(target);
        } else {
          diagnostics.add(Diagnostic.of(DiagnosticCode.IMPORT_NOT_FOUND, decl.span(),
                  "imported file `" + decl.path() + "` does not exist")
              .withLabel("looked for " + SourceFiles.displayName(target))
              .withHelp("imports are relative to the importing file; check the spelling and the folder"));
        }
      }
    }
    return new Compilation(files, diagnostics, texts);
  }

  /** Parsed files in load order: the given files sorted by path, then imported ones. */
  public List<SourceFile> files() {
    return files;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public boolean hasErrors() {
    return Diagnostics.hasErrors(diagnostics);
  }

  /** The text of each loaded file (without a byte-order mark), for rendering findings. */
  public SourceLookup sources() {
    return SourceLookup.of(texts);
  }
}
