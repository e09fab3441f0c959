package io.fmap.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * A Java expression and its static type, as the emitter builds it from a typed fmap expression.
 * Conditions may be primitive {@code boolean}; everything else is a reference type, so null flows.
 */
record JavaExpr(CodeBlock code, TypeName type) {

  static JavaExpr of(TypeName type, String format, Object... args) {
    return new JavaExpr(CodeBlock.of(format, args), type);
  }

  /** The value as a reference type, for places where null must fit (ternaries, setters, arguments). */
  JavaExpr boxed() {
    return type.isPrimitive() ? new JavaExpr(CodeBlock.of("$T.valueOf($L)", type.box(), code), type.box()) : this;
  }

  /** The value as a condition: a primitive stays, a {@code Boolean} counts null as false. */
  CodeBlock condition() {
    return type.equals(TypeName.BOOLEAN) ? code : CodeBlock.of("$T.isTrue($L)", JavaTypes.VALUES, boxed().code);
  }
}
