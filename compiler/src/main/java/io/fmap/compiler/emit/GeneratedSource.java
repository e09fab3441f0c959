package io.fmap.compiler.emit;

import java.util.Objects;

/**
 * One generated Java compilation unit.
 *
 * @param className binary name of its top-level class ({@code io.fmap.generated.Contact_to_lead})
 * @param code      the source text
 */
public record GeneratedSource(String className, String code) {

  public GeneratedSource {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(code, "code");
  }

  /** {@code io/fmap/generated/Contact_to_lead.java}, where {@code --emit-java} writes it. */
  public String relativePath() {
    return className.replace('.', '/') + ".java";
  }

  public String simpleName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
