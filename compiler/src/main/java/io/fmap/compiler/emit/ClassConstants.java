package io.fmap.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The {@code private static final} fields of one generated class: values built once instead of per
 * record (decimals, dates, option lists, lookup candidates). Named by kind and first use
 * ({@code DECIMAL_1}, {@code REF_2}), so names only change when the mapping does.
 */
final class ClassConstants {

  private final Map<String, String> nameByInit = new LinkedHashMap<>();
  private final Map<String, Integer> countByKind = new LinkedHashMap<>();
  private final List<FieldSpec> fields = new ArrayList<>();

  /** A reference to the constant with this initializer, declaring it on first use. */
  CodeBlock of(String kind, TypeName type, CodeBlock init) {
    String name = nameByInit.get(key(type, init));
    if (name == null) name = declare(kind + "_" + countByKind.merge(kind, 1, Integer::sum), type, init);
    return CodeBlock.of("$L", name);
  }

  /**
   * The same, named after what it holds ({@code FIELD_email}): {@code name} must be a Java
   * identifier; when another constant has it, the name gets a number.
   */
  CodeBlock named(String name, TypeName type, CodeBlock init) {
    String known = nameByInit.get(key(type, init));
    if (known != null) return CodeBlock.of("$L", known);
    String candidate = name;
    for (int n = 2; nameByInit.containsValue(candidate); n++) candidate = name + "_" + n;
    return CodeBlock.of("$L", declare(candidate, type, init));
  }

  private String declare(String name, TypeName type, CodeBlock init) {
    nameByInit.put(key(type, init), name);
    fields.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(init).build());
    return name;
  }

  private static String key(TypeName type, CodeBlock init) {
    return type + "=" + init;
  }

  List<FieldSpec> fields() {
    return List.copyOf(fields);
  }
}
