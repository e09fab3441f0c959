package io.fmap.compiler.emit;

import io.fmap.compiler.ir.Program;
import io.fmap.runtime.api.CompiledPlan;
import java.nio.file.Path;

/** Program to running code: emit the Java, compile it (or take it from the cache), load the plan. */
public final class ProjectCompiler {

  private ProjectCompiler() {}

  /** Where a project keeps compiled classes unless told otherwise; {@code .fmap/} is git-ignored. */
  public static Path defaultCacheDir(Path projectDir) {
    return projectDir.resolve(".fmap").resolve("classes");
  }

  /** What compiling gave: the sources (for {@code --emit-java}), how javac went, and the plan to run. */
  public record Compiled(JavaEmitter.Emitted emitted, ClassCache.Compilation compilation, CompiledPlan plan) {}

  public static Compiled compile(Program program, String planHash, Path cacheDir) {
    JavaEmitter.Emitted emitted = JavaEmitter.emit(program);
    ClassCache.Compilation compilation = new ClassCache(cacheDir, new InMemoryJavaCompiler()).compile(emitted.sources());
    CompiledPlan plan = PlanLoader.load(program, emitted, compilation.classes(), planHash);
    return new Compiled(emitted, compilation, plan);
  }
}
