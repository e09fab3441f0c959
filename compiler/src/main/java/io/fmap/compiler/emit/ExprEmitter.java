package io.fmap.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.Program;
import io.fmap.compiler.ir.Type;
import io.fmap.compiler.ir.Write;
import io.fmap.runtime.api.LookupCandidate;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.functions.Std;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one typed fmap expression into a Java expression over {@code record} and {@code context}
 * (the parameters of every generated method). Operators go through {@code Values} and functions
 * through {@code Std}, so the generated text stays a readable list of calls.
 */
final class ExprEmitter {

  private static final ClassName STD = ClassName.get(Std.class);
  private static final ClassName ARRAYS = ClassName.get(Arrays.class);
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName CANDIDATE = ClassName.get(LookupCandidate.class);

  private final Program program;
  private final ClassConstants constants;
  private final Map<String, JavaExpr> locals;
  private final ClassName valueMaps;
  private final Map<String, String> valueMapMethods;
  /** The lookup bindings of the assignment being emitted; empty outside a bound assignment. */
  private final List<Write.Binding> bindings;

  ExprEmitter(Program program, ClassConstants constants, Map<String, JavaExpr> locals, ClassName valueMaps,
              Map<String, String> valueMapMethods, List<Write.Binding> bindings) {
    this.program = program;
    this.constants = constants;
    this.locals = locals;
    this.valueMaps = valueMaps;
    this.valueMapMethods = valueMapMethods;
    this.bindings = List.copyOf(bindings);
  }

  ExprEmitter withBindings(List<Write.Binding> assignmentBindings) {
    return new ExprEmitter(program, constants, locals, valueMaps, valueMapMethods, assignmentBindings);
  }

  JavaExpr emit(Expr e) {
    if (e instanceof Expr.Literal l) return literal(l.value(), l.type());
    if (e instanceof Expr.Field f) return field(f);
    if (e instanceof Expr.ParamRef p) {
      return new JavaExpr(JavaTypes.read(p.type(), CodeBlock.of("context.param($L)", JavaLiteral.of(p.name()))), JavaTypes.of(p.type()));
    }
    if (e instanceof Expr.LocalRef l) return local(l.name());
    if (e instanceof Expr.Call c) return call(c);
    if (e instanceof Expr.Unary u) return unary(u);
    if (e instanceof Expr.Binary b) return binary(b);
    if (e instanceof Expr.In in) return in(in);
    if (e instanceof Expr.Conditional c) return conditional(c);
    if (e instanceof Expr.Match m) return match(m);
    if (e instanceof Expr.Ref r) return ref(r);
    if (e instanceof Expr.RefField r) {
      CodeBlock raw = CodeBlock.of("$T.refField(context, $L, $L, $L)", JavaTypes.VALUES, JavaLiteral.of(r.object()),
          emit(r.id()).boxed().code(), JavaLiteral.of(r.field()));
      return new JavaExpr(JavaTypes.read(r.type(), raw), JavaTypes.of(r.type()));
    }
    if (e instanceof Expr.Owner o) {
      return JavaExpr.of(JavaTypes.TARGET_REF, "$T.owner(context, $L)", JavaTypes.VALUES,
          JavaTypes.convert(emit(o.email()), JavaTypes.STRING));
    }
    if (e instanceof Expr.ValueMapApply v && v.input().type() instanceof Type.Choices) {
      return JavaExpr.of(JavaTypes.INTEGER_LIST, "$T.eachOption($L, $T::$L)", JavaTypes.VALUES,
          JavaTypes.convert(emit(v.input()), JavaTypes.STRING_LIST), valueMaps, valueMapMethods.get(v.valueMap()));
    }
    if (e instanceof Expr.ValueMapApply v) {
      return JavaExpr.of(JavaTypes.INTEGER, "$T.$L($L)", valueMaps, valueMapMethods.get(v.valueMap()),
          JavaTypes.convert(emit(v.input()), JavaTypes.STRING));
    }
    if (e instanceof Expr.ListLiteral l) return list(l.items());
    throw new IllegalArgumentException("no Java form for " + e.getClass().getSimpleName());
  }

  private JavaExpr local(String name) {
    JavaExpr bound = locals.get(name);
    if (bound == null) throw new IllegalStateException("let `" + name + "` used before it is bound");
    return bound;
  }

  private JavaExpr literal(Object value, Type type) {
    if (value == null) {
      TypeName java = JavaTypes.of(type);
      return java.equals(JavaTypes.OBJECT) ? JavaExpr.of(java, "null") : JavaExpr.of(java, "($T) null", java);
    }
    if (type instanceof Type.Choice c && !JavaTypes.isSourceOption(c.owner())) return option(value, c);
    if (value instanceof String s) return JavaExpr.of(JavaTypes.STRING, "$L", JavaLiteral.of(s));
    if (value instanceof Long || value instanceof Integer) {
      return JavaExpr.of(JavaTypes.LONG, "$LL", ((Number) value).longValue());
    }
    if (value instanceof BigDecimal d) {
      return new JavaExpr(constants.of("DECIMAL", JavaTypes.DECIMAL,
          CodeBlock.of("new $T($S)", BigDecimal.class, d.toString())), JavaTypes.DECIMAL);
    }
    if (value instanceof Boolean b) return JavaExpr.of(JavaTypes.BOOLEAN, "$T.$L", Boolean.class, b ? "TRUE" : "FALSE");
    if (value instanceof LocalDate d) {
      return new JavaExpr(constants.of("DATE", JavaTypes.DATE,
          CodeBlock.of("$T.parse($S)", LocalDate.class, d.toString())), JavaTypes.DATE);
    }
    if (value instanceof Instant i) {
      return new JavaExpr(constants.of("INSTANT", JavaTypes.INSTANT,
          CodeBlock.of("$T.parse($S)", Instant.class, i.toString())), JavaTypes.INSTANT);
    }
    throw new IllegalArgumentException("no Java literal for a " + value.getClass().getName());
  }

  /** A target option written as a literal: its number, found by label when the mapping names it. */
  private static JavaExpr option(Object value, Type.Choice choice) {
    Integer number = value instanceof Number n ? Integer.valueOf(n.intValue())
        : choice.options().stream().filter(o -> o.label().equals(value)).map(io.fmap.schema.OptionValue::value)
            .findFirst().orElseThrow(() -> new IllegalStateException(value + " is not an option of " + choice.owner()));
    return JavaExpr.of(JavaTypes.INTEGER, "$T.valueOf($L)", Integer.class, number);
  }

  private JavaExpr field(Expr.Field f) {
    // A constant per field (SourceField): the read is a few loads, not a name lookup, see SourceField.
    CodeBlock field = constants.named("FIELD_" + JavaNames.identifier(f.field()), JavaTypes.SOURCE_FIELD,
        CodeBlock.of("$T.of($L)", JavaTypes.SOURCE_FIELD, JavaLiteral.of(f.field())));
    CodeBlock raw = CodeBlock.of("record.get($L)", field);
    if (!f.subPath().isEmpty()) {
      CodeBlock keys = f.subPath().stream().map(k -> CodeBlock.of("$L", JavaLiteral.of(k))).collect(CodeBlock.joining(", "));
      raw = CodeBlock.of("$T.path($L, $L)", JavaTypes.VALUES, raw, keys);
    }
    return new JavaExpr(JavaTypes.read(f.type(), raw), JavaTypes.of(f.type()));
  }

  private JavaExpr unary(Expr.Unary u) {
    JavaExpr operand = emit(u.operand());
    if (u.op() == Expr.UnaryOp.NOT) return JavaExpr.of(TypeName.BOOLEAN, "!$L", operand.condition());
    TypeName numeric = operand.type().equals(JavaTypes.LONG) ? JavaTypes.LONG : JavaTypes.DECIMAL;
    return JavaExpr.of(numeric, "$T.negate($L)", JavaTypes.VALUES, JavaTypes.convert(operand, numeric));
  }

  private JavaExpr binary(Expr.Binary b) {
    JavaExpr left = emit(b.left());
    JavaExpr right = emit(b.right());
    return switch (b.op()) {
      case AND -> JavaExpr.of(TypeName.BOOLEAN, "($L && $L)", left.condition(), right.condition());
      case OR -> JavaExpr.of(TypeName.BOOLEAN, "($L || $L)", left.condition(), right.condition());
      case EQ -> JavaExpr.of(TypeName.BOOLEAN, "$T.eq($L, $L)", JavaTypes.VALUES, left.boxed().code(), right.boxed().code());
      case NE -> JavaExpr.of(TypeName.BOOLEAN, "!$T.eq($L, $L)", JavaTypes.VALUES, left.boxed().code(), right.boxed().code());
      case LT -> compare("lt", left, right);
      case LE -> compare("le", left, right);
      case GT -> compare("gt", left, right);
      case GE -> compare("ge", left, right);
      case CONCAT -> JavaExpr.of(JavaTypes.STRING, "$T.concat($L, $L)", JavaTypes.VALUES,
          JavaTypes.convert(left, JavaTypes.STRING), JavaTypes.convert(right, JavaTypes.STRING));
      case ADD -> arithmetic("add", left, right, false);
      case SUBTRACT -> arithmetic("subtract", left, right, false);
      case MULTIPLY -> arithmetic("multiply", left, right, false);
      case DIVIDE -> arithmetic("divide", left, right, true);
      case MODULO -> arithmetic("remainder", left, right, false);
      case COALESCE -> coalesce(left, right, b.type());
    };
  }

  private static JavaExpr compare(String op, JavaExpr left, JavaExpr right) {
    return JavaExpr.of(TypeName.BOOLEAN, "$T.$L($L, $L)", JavaTypes.VALUES, op, left.boxed().code(), right.boxed().code());
  }

  private static JavaExpr arithmetic(String op, JavaExpr left, JavaExpr right, boolean alwaysDecimal) {
    boolean whole = !alwaysDecimal && left.type().equals(JavaTypes.LONG) && right.type().equals(JavaTypes.LONG);
    TypeName type = whole ? JavaTypes.LONG : JavaTypes.DECIMAL;
    return JavaExpr.of(type, "$T.$L($L, $L)", JavaTypes.VALUES, op,
        JavaTypes.convert(left, type), JavaTypes.convert(right, type));
  }

  /** {@code a ?? b}: the fallback is a lambda, evaluated only when it is needed. */
  private static JavaExpr coalesce(JavaExpr left, JavaExpr right, Type type) {
    TypeName common = left.boxed().type().equals(right.boxed().type()) ? left.boxed().type() : JavaTypes.of(type);
    return JavaExpr.of(common, "$T.<$T>coalesce($L, () -> $L)", JavaTypes.VALUES, common,
        JavaTypes.convert(left, common), JavaTypes.convert(right, common));
  }

  private JavaExpr in(Expr.In in) {
    JavaExpr value = emit(in.value());
    JavaExpr options = list(in.options());
    return JavaExpr.of(TypeName.BOOLEAN, "$T.in($L, $L)", JavaTypes.VALUES, value.boxed().code(), options.code());
  }

  /** A list; one of constants only is built once per class. */
  private JavaExpr list(List<Expr> items) {
    List<JavaExpr> emitted = items.stream().map(this::emit).map(JavaExpr::boxed).toList();
    TypeName element = emitted.stream().map(JavaExpr::type).distinct().count() == 1 && !emitted.isEmpty()
        ? emitted.get(0).type() : JavaTypes.OBJECT;
    TypeName type = ParameterizedTypeName.get(LIST, element);
    CodeBlock elements = emitted.stream().map(x -> JavaTypes.convert(x, element)).collect(CodeBlock.joining(", "));
    CodeBlock build = CodeBlock.of("$T.<$T>asList($L)", ARRAYS, element, elements);
    boolean constant = items.stream().allMatch(i -> i instanceof Expr.Literal);
    return new JavaExpr(constant ? constants.of("LIST", type, build) : build, type);
  }

  private JavaExpr conditional(Expr.Conditional c) {
    JavaExpr then = emit(c.then()).boxed();
    JavaExpr otherwise = emit(c.otherwise()).boxed();
    TypeName type = then.type().equals(otherwise.type()) ? then.type() : JavaTypes.of(c.type());
    return JavaExpr.of(type, "($L ? $L : $L)", emit(c.condition()).condition(),
        JavaTypes.convert(then, type), JavaTypes.convert(otherwise, type));
  }

  /**
   * Cases tried in order as a chain of conditionals. The subject is re-read for each case: it is a
   * pure expression (usually one field), and this keeps the match an expression.
   */
  private JavaExpr match(Expr.Match m) {
    JavaExpr subject = emit(m.subject()).boxed();
    TypeName type = JavaTypes.of(m.type()).box();
    CodeBlock chain = m.otherwise().isPresent()
        ? JavaTypes.convert(emit(m.otherwise().get()), type)
        : CodeBlock.of("$T.<$T>noMatch($L)", JavaTypes.VALUES, type, subject.code());
    for (int i = m.cases().size() - 1; i >= 0; i--) {
      Expr.Case c = m.cases().get(i);
      CodeBlock test = c.values().stream()
          .map(v -> CodeBlock.of("$T.eq($L, $L)", JavaTypes.VALUES, subject.code(), emit(v).boxed().code()))
          .collect(CodeBlock.joining(" || "));
      chain = CodeBlock.of("($L ? $L : $L)", test, JavaTypes.convert(emit(c.result()), type), chain);
    }
    return new JavaExpr(chain, type);
  }

  private JavaExpr ref(Expr.Ref r) {
    CodeBlock candidates = r.tables().stream()
        .flatMap(table -> candidate(r.object(), table).stream())
        .collect(CodeBlock.joining(", "));
    CodeBlock list = constants.of("REF", ParameterizedTypeName.get(LIST, CANDIDATE),
        CodeBlock.of("$T.of($L)", LIST, candidates));
    return JavaExpr.of(JavaTypes.TARGET_REF, "$T.ref(context, $L, $L, $L)", JavaTypes.VALUES, JavaLiteral.of(r.object()),
        emit(r.id()).boxed().code(), list);
  }

  /** The table a referenced object's map writes, bound through this assignment's navigation property. */
  private Optional<CodeBlock> candidate(String object, String table) {
    Optional<Write.Binding> binding = bindings.stream().filter(b -> b.table().equals(table)).findFirst();
    if (binding.isEmpty()) return Optional.empty();
    String keyColumn = program.maps().stream()
        .filter(m -> m.source().name().equals(object) && m.target().name().equals(table))
        .flatMap(m -> m.keys().stream())
        .map(k -> k.column().name())
        .findFirst().orElse(null);
    return Optional.of(CodeBlock.of("new $T($L, $L, $L)", CANDIDATE, JavaLiteral.of(table),
        JavaLiteral.of(binding.get().navigationProperty()), JavaLiteral.of(keyColumn)));
  }

  private JavaExpr call(Expr.Call c) {
    List<JavaExpr> args = c.args().stream().map(this::emit).toList();
    Method method = resolve(c.function(), args);
    boolean takesContext = takesContext(method);
    Class<?>[] params = method.getParameterTypes();
    List<CodeBlock> passed = new ArrayList<>();
    if (takesContext) passed.add(CodeBlock.of("context"));
    int offset = takesContext ? 1 : 0;
    for (int i = 0; i < args.size(); i++) {
      Class<?> param = method.isVarArgs() && i + offset >= params.length - 1
          ? params[params.length - 1].getComponentType() : params[i + offset];
      passed.add(JavaTypes.convert(args.get(i), TypeName.get(param)));
    }
    TypeName result = TypeName.get(method.getGenericReturnType());
    return JavaExpr.of(result, "$T.$L($L)", STD, method.getName(),
        CodeBlock.join(passed, ", "));
  }

  private static boolean takesContext(Method m) {
    return m.getParameterCount() > 0 && m.getParameterTypes()[0] == MappingContext.class;
  }

  /**
   * The {@code Std} overload the checker chose, found again by name, argument count and argument
   * types (a null or untyped argument fits any parameter), in a fixed order.
   */
  static Method resolve(String name, List<JavaExpr> args) {
    List<Method> candidates = Arrays.stream(Std.class.getMethods())
        .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))
        .sorted(Comparator.comparingInt(Method::getParameterCount)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())))
        .toList();
    for (Method m : candidates) {
      if (fits(m, args)) return m;
    }
    throw new IllegalStateException("Std has no " + name + " taking " + args.size() + " arguments");
  }

  private static boolean fits(Method m, List<JavaExpr> args) {
    Class<?>[] params = m.getParameterTypes();
    int offset = takesContext(m) ? 1 : 0;
    int fixed = params.length - offset;
    if (m.isVarArgs() ? args.size() < fixed - 1 : args.size() != fixed) return false;
    for (int i = 0; i < args.size(); i++) {
      Class<?> param = m.isVarArgs() && i + offset >= params.length - 1
          ? params[params.length - 1].getComponentType() : params[i + offset];
      TypeName arg = args.get(i).boxed().type();
      if (arg.equals(JavaTypes.OBJECT)) continue;
      TypeName wanted = TypeName.get(param).box();
      boolean sameRaw = arg instanceof ParameterizedTypeName p && wanted instanceof ParameterizedTypeName w
          ? p.rawType().equals(w.rawType()) : arg.equals(wanted);
      boolean rawList = param == List.class && arg instanceof ParameterizedTypeName p && p.rawType().equals(LIST);
      if (!sameRaw && !rawList) return false;
    }
    return true;
  }
}
