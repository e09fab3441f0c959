package io.fmap.compiler.emit;

import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.functions.Std;
import io.fmap.schema.SystemSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's {@code javax.tools} compiler without touching the
 * disk: sources are read from strings and class files written to memory.
 *
 * <p>The class path is where the runtime's api, standard functions and schema model were loaded
 * from (the shaded CLI jar, or each module's {@code target/classes} in tests), so generated code
 * compiles against exactly the classes it will run with.
 */
public final class InMemoryJavaCompiler {

  private static final List<String> OPTIONS = List.of(
      "--release", "17", "-proc:none", "-implicit:none", "-g:source,lines", "-nowarn", "-Xlint:none");

  private final List<Path> classPath;

  public InMemoryJavaCompiler() {
    this(runtimeClassPath());
  }

  public InMemoryJavaCompiler(List<Path> classPath) {
    this.classPath = List.copyOf(classPath);
  }

  /** The locations of the classes generated code may use, deduplicated, in a fixed order. */
  public static List<Path> runtimeClassPath() {
    Set<Path> paths = new LinkedHashSet<>();
    for (Class<?> anchor : List.of(MapTransform.class, Std.class, SystemSchema.class)) {
      try {
        paths.add(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | NullPointerException e) {
        throw new GeneratedCodeException("cannot find where " + anchor.getName() + " was loaded from: " + e);
      }
    }
    return List.copyOf(paths);
  }

  public CompiledClasses compile(List<GeneratedSource> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new GeneratedCodeException("fmap compiles mappings with javac, and this Java runtime has none;"
          + " run fmap with a JDK 17 or newer (java -version should say JDK, not JRE)");
    }
    DiagnosticCollector<JavaFileObject> findings = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(findings, Locale.ROOT, StandardCharsets.UTF_8);
    MemoryFileManager files = new MemoryFileManager(standard);
    List<String> options = new ArrayList<>(OPTIONS);
    options.add("-classpath");
    options.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
    List<JavaFileObject> units = sources.stream().map(SourceText::new).collect(Collectors.toList());
    boolean ok = javac.getTask(null, files, findings, options, null, units).call();
    if (!ok) throw new GeneratedCodeException(describe(findings.getDiagnostics()));
    return new CompiledClasses(files.classes());
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    StringBuilder out = new StringBuilder("generated code did not compile (a bug in fmap, please report it with the"
        + " output of fmap compile --emit-java):");
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
      out.append("\n  ").append(where).append(d.getMessage(Locale.ROOT));
    }
    return out.toString();
  }

  /** A source file held in a string. */
  private static final class SourceText extends SimpleJavaFileObject {
    private final String code;

    SourceText(GeneratedSource source) {
      super(URI.create("string:///" + source.relativePath()), Kind.SOURCE);
      this.code = source.code();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  /** A class file written to memory. */
  private static final class ClassBytes extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ClassBytes(String className) {
      super(URI.create("bytes:///" + className.replace('.', '/') + ".class"), Kind.CLASS);
    }

    @Override
    public OutputStream openOutputStream() {
      return bytes;
    }
  }

  /** Reads sources and the class path as usual, keeps every class file javac writes. */
  private static final class MemoryFileManager extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, ClassBytes> written = new TreeMap<>();

    MemoryFileManager(JavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) throws IOException {
      if (kind != JavaFileObject.Kind.CLASS) return super.getJavaFileForOutput(location, className, kind, sibling);
      ClassBytes out = new ClassBytes(className);
      written.put(className, out);
      return out;
    }

    java.util.SortedMap<String, byte[]> classes() {
      java.util.SortedMap<String, byte[]> out = new TreeMap<>();
      written.forEach((name, file) -> out.put(name, file.bytes.toByteArray()));
      return out;
    }
  }
}
