package io.fmap.compiler.emit;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bytecode of generated classes, by binary name, ready to load.
 *
 * @param bytecode class files by binary name (nested and lambda classes included)
 */
public record CompiledClasses(SortedMap<String, byte[]> bytecode) {

  public CompiledClasses {
    bytecode = Collections.unmodifiableSortedMap(new TreeMap<>(bytecode));
  }

  /**
   * A class loader serving these classes, delegating everything else ({@code io.fmap.runtime.api},
   * {@code Std}) to {@code parent}, so generated code and the runtime share one copy of the api.
   */
  public ClassLoader load(ClassLoader parent) {
    return new BytecodeLoader(bytecode, parent);
  }

  private static final class BytecodeLoader extends ClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final Map<String, byte[]> bytecode;

    BytecodeLoader(Map<String, byte[]> bytecode, ClassLoader parent) {
      super("fmap-generated", parent);
      this.bytecode = bytecode;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = bytecode.get(name);
      if (bytes == null) throw new ClassNotFoundException(name);
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
