package io.fmap.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.fmap.compiler.ir.Type;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The Java type that carries each fmap type in generated code, and how a raw source value is read as it. */
final class JavaTypes {

  private JavaTypes() {}

  static final ClassName VALUES = ClassName.get(Values.class);
  static final ClassName SOURCE_FIELD = ClassName.get(io.fmap.runtime.api.SourceField.class);
  static final TypeName STRING = ClassName.get(String.class);
  static final TypeName OBJECT = ClassName.get(Object.class);
  static final TypeName LONG = ClassName.get(Long.class);
  static final TypeName INTEGER = ClassName.get(Integer.class);
  static final TypeName DECIMAL = ClassName.get(BigDecimal.class);
  static final TypeName BOOLEAN = ClassName.get(Boolean.class);
  static final TypeName DATE = ClassName.get(LocalDate.class);
  static final TypeName INSTANT = ClassName.get(Instant.class);
  static final TypeName TARGET_REF = ClassName.get(TargetRef.class);
  static final TypeName STRING_LIST = ParameterizedTypeName.get(ClassName.get(List.class), STRING);
  static final TypeName INTEGER_LIST = ParameterizedTypeName.get(ClassName.get(List.class), INTEGER);
  static final TypeName OBJECT_LIST = ParameterizedTypeName.get(ClassName.get(List.class), OBJECT);

  /** Spark option values are their labels (text); Dataverse options are numbers. */
  static boolean isSourceOption(String owner) {
    return owner.startsWith("spark.");
  }

  static TypeName of(Type type) {
    if (type instanceof Type.Text || type instanceof Type.Html || type instanceof Type.Id || type instanceof Type.File) {
      return STRING;
    }
    if (type instanceof Type.Int) return LONG;
    if (type instanceof Type.Decimal || type instanceof Type.Money) return DECIMAL;
    if (type instanceof Type.Bool) return BOOLEAN;
    if (type instanceof Type.Date) return DATE;
    if (type instanceof Type.DateTime) return INSTANT;
    if (type instanceof Type.Choice c) return isSourceOption(c.owner()) ? STRING : INTEGER;
    if (type instanceof Type.Choices c) return isSourceOption(c.owner()) ? STRING_LIST : INTEGER_LIST;
    if (type instanceof Type.Lookup || type instanceof Type.Owner) return TARGET_REF;
    if (type instanceof Type.ListOf l) return listOf(l.element());
    return OBJECT; // Null, Unknown: pass-through values
  }

  private static TypeName listOf(Type element) {
    TypeName e = of(element);
    return e.equals(STRING) ? STRING_LIST : OBJECT_LIST;
  }

  /** Reads a raw JSON value (from a record field, a referenced record or a param) as {@code type}. */
  static CodeBlock read(Type type, CodeBlock raw) {
    TypeName java = of(type);
    String reader = java.equals(STRING) ? "text"
        : java.equals(LONG) ? "integer"
        : java.equals(DECIMAL) ? "decimal"
        : java.equals(BOOLEAN) ? "bool"
        : java.equals(DATE) ? "date"
        : java.equals(INSTANT) ? "instant"
        : java.equals(STRING_LIST) ? "textList"
        : null;
    return reader == null ? raw : CodeBlock.of("$T.$L($L)", VALUES, reader, raw);
  }

  /** Converts an expression already typed {@code from} to Java type {@code to}, where the language allows it. */
  static CodeBlock convert(JavaExpr value, TypeName to) {
    JavaExpr boxed = value.boxed();
    if (boxed.type().equals(to) || to.equals(OBJECT)) return boxed.code();
    if (to.equals(STRING)) return CodeBlock.of("$T.text($L)", VALUES, boxed.code());
    if (to.equals(DECIMAL)) return CodeBlock.of("$T.decimal($L)", VALUES, boxed.code());
    if (to.equals(LONG)) return CodeBlock.of("$T.integer($L)", VALUES, boxed.code());
    if (to.equals(DATE)) return CodeBlock.of("$T.date($L)", VALUES, boxed.code());
    // A date widens to the instant its day starts; reading it as text would refuse the date-only form.
    if (to.equals(INSTANT) && boxed.type().equals(DATE)) return CodeBlock.of("$T.startOfDay($L)", VALUES, boxed.code());
    if (to.equals(INSTANT)) return CodeBlock.of("$T.instant($L)", VALUES, boxed.code());
    if (to.equals(BOOLEAN)) return CodeBlock.of("$T.bool($L)", VALUES, boxed.code());
    return CodeBlock.of("($T) $L", to, boxed.code());
  }
}
