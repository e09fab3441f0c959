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
    String key = type + "=" + init;
    String name = nameByInit.get(key);
    if (name == null) {
      int n = countByKind.merge(kind, 1, Integer::sum);
      name = kind + "_" + n;
      nameByInit.put(key, name);
      fields.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(init).build());
    }
    return CodeBlock.of("$L", name);
  }

  List<FieldSpec> fields() {
    return List.copyOf(fields);
  }
}
