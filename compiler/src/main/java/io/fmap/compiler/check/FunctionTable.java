package io.fmap.compiler.check;

import io.fmap.compiler.ir.Type;
import io.fmap.runtime.api.MappingContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The functions a mapping may call, read by reflection from the class that implements them
 * ({@code io.fmap.runtime.functions.Std}), so that a function is defined exactly once: what the
 * runtime runs is what the checker knows. A public static method whose parameters and result all have
 * an fmap type is a function; its fmap name is the method name in snake_case. A leading
 * {@link MappingContext} parameter is the run's context, passed by generated code and not written.
 */
public final class FunctionTable {

  /**
   * One callable overload.
   *
   * @param name       the fmap name ({@code parse_date})
   * @param javaMethod the method name generated code calls
   * @param params     parameter types as written in a mapping; with {@code varargs} the last one repeats
   * @param context    the Java method takes the run's {@code MappingContext} first, which generated code passes
   */
  public record Signature(String name, String javaMethod, List<Type> params, boolean varargs, Type result,
                          boolean context) {
    public Signature { params = List.copyOf(params); }

    public boolean accepts(int argumentCount) {
      return varargs ? argumentCount >= params.size() - 1 : argumentCount == params.size();
    }

    /** The declared type of argument {@code i}. */
    public Type param(int i) {
      return varargs && i >= params.size() - 1 ? params.get(params.size() - 1) : params.get(i);
    }

    /** {@code truncate(text, int) -> text}: how help lines and did-you-mean show the function. */
    public String describe() {
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < params.size(); i++) {
        shown.add(params.get(i).describe() + (varargs && i == params.size() - 1 ? "..." : ""));
      }
      return name + "(" + String.join(", ", shown) + ") -> " + result.describe();
    }
  }

  private final Map<String, List<Signature>> byName;

  private FunctionTable(Map<String, List<Signature>> byName) {
    this.byName = byName;
  }

  public static FunctionTable of(Class<?> functions) {
    Map<String, List<Signature>> byName = new TreeMap<>();
    List<Method> methods = new ArrayList<>(List.of(functions.getDeclaredMethods()));
    // Reflection order is unspecified; sort so that overload order (and messages) are stable.
    methods.sort(Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount)
        .thenComparing(m -> List.of(m.getParameterTypes()).toString()));
    for (Method m : methods) {
      if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) continue;
      Optional<Signature> sig = signature(m);
      sig.ifPresent(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s));
    }
    return new FunctionTable(byName);
  }

  public List<Signature> overloads(String name) {
    return byName.getOrDefault(name, List.of());
  }

  public Collection<String> names() {
    return byName.keySet();
  }

  private static Optional<Signature> signature(Method m) {
    List<Type> params = new ArrayList<>();
    java.lang.reflect.Type[] generic = m.getGenericParameterTypes();
    boolean context = generic.length > 0 && m.getParameterTypes()[0] == MappingContext.class;
    for (int i = context ? 1 : 0; i < generic.length; i++) {
      java.lang.reflect.Type t = generic[i];
      if (m.isVarArgs() && i == generic.length - 1) t = m.getParameterTypes()[i].getComponentType();
      Optional<Type> mapped = fmapType(t);
      if (mapped.isEmpty()) return Optional.empty();
      params.add(mapped.get());
    }
    Optional<Type> result = fmapType(m.getGenericReturnType());
    return result.map(r -> new Signature(snakeCase(m.getName()), m.getName(), params, m.isVarArgs(), r, context));
  }

  static Optional<Type> fmapType(java.lang.reflect.Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
        && List.class.isAssignableFrom(raw)) {
      java.lang.reflect.Type arg = p.getActualTypeArguments()[0];
      if (arg instanceof WildcardType w) arg = w.getUpperBounds()[0];
      return fmapType(arg).map(Type.ListOf::new);
    }
    if (!(t instanceof Class<?> c)) return Optional.empty();
    if (c == String.class || c == CharSequence.class) return Optional.of(Type.TEXT);
    if (c == long.class || c == Long.class || c == int.class || c == Integer.class) return Optional.of(Type.INT);
    if (c == BigDecimal.class || c == double.class || c == Double.class) return Optional.of(Type.DECIMAL);
    if (c == boolean.class || c == Boolean.class) return Optional.of(Type.BOOL);
    if (c == LocalDate.class) return Optional.of(Type.DATE);
    if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) return Optional.of(Type.DATETIME);
    if (c == List.class) return Optional.of(new Type.ListOf(Type.UNKNOWN));
    if (c == Object.class) return Optional.of(Type.UNKNOWN);
    return Optional.empty();
  }

  /** {@code parseDate} and {@code parse_date} both read as {@code parse_date} in a mapping. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (char ch : javaName.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        if (out.length() > 0) out.append('_');
        out.append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
