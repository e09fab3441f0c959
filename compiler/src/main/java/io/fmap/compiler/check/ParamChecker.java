package io.fmap.compiler.check;

import io.fmap.compiler.ast.ParamDecl;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.Param;
import io.fmap.compiler.ir.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code param} declarations: one name each, a type, and a value from the default or fmap.yaml. */
final class ParamChecker {
  static final String CONFIG_FILE = "fmap.yaml";

  private final Context cx;
  private final ExprChecker exprs;

  ParamChecker(Context cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  List<Param> check(List<ParamDecl> decls, Map<String, String> configured) {
    Map<String, ParamDecl> first = new HashMap<>();
    for (ParamDecl d : decls) {
      String name = d.name().text();
      if (first.containsKey(name)) {
        cx.reporter.report(DiagnosticCode.DUPLICATE_DECLARATION, d.name().span(), "param `" + name + "` is declared twice",
            "second declaration", "remove one, or rename it");
        cx.reporter.amendLast(x -> x.withSecondary(first.get(name).name().span(), "first declared here"));
        continue;
      }
      first.put(name, d);
      cx.paramNames.add(name);
    }
    List<Param> params = new ArrayList<>();
    for (ParamDecl d : first.values().stream().sorted(java.util.Comparator.comparing(x -> x.name().text())).toList()) {
      param(d, configured.get(d.name().text())).ifPresent(p -> {
        params.add(p);
        cx.params.put(p.name(), p);
      });
    }
    for (String name : configured.keySet()) {
      if (!first.containsKey(name)) {
        cx.reporter.report(DiagnosticCode.UNKNOWN_PARAM, Span.startOf(CONFIG_FILE),
            "fmap.yaml sets param `" + name + "`, which no .fmap file declares", "unknown param",
            Reporter.didYouMean(name, first.keySet()).orElse("declare it: `param " + name + ": text = \"...\"`"));
      }
    }
    return params;
  }

  private Optional<Param> param(ParamDecl d, String configured) {
    Optional<Type> type = TypeRefs.paramType(d.type(), cx.reporter);
    if (type.isEmpty()) return Optional.empty();
    String name = d.name().text();
    if (configured != null) {
      Optional<Object> value = parse(configured, type.get());
      if (value.isEmpty()) {
        cx.reporter.report(DiagnosticCode.PARAM_VALUE_TYPE, Span.startOf(CONFIG_FILE),
            "fmap.yaml gives param `" + name + "` the value \"" + configured + "\", which is not " + type.get().describe(),
            "not " + type.get().describe(), "e.g. `" + name + ": " + example(type.get()) + "` under `params:`");
        return Optional.empty();
      }
      return Optional.of(new Param(name, type.get(), value.get(), Param.Origin.CONFIG, d.span()));
    }
    if (d.defaultValue().isEmpty()) {
      cx.reporter.report(DiagnosticCode.PARAM_WITHOUT_VALUE, d.name().span(),
          "param `" + name + "` has no default and fmap.yaml gives it no value", "no value",
          "add a default (`param " + name + ": " + type.get().describe() + " = " + example(type.get())
              + "`) or set it under `params:` in fmap.yaml");
      return Optional.empty();
    }
    Expr value = exprs.check(d.defaultValue().get(), ExprChecker.Scope.constants());
    if (!(value instanceof Expr.Literal lit) || !fits(lit, type.get())) {
      if (!(value.type() instanceof Type.Unknown)) {
        cx.reporter.report(DiagnosticCode.PARAM_VALUE_TYPE, d.defaultValue().get().span(),
            "the default of `" + name + "` must be a constant of type " + type.get().describe() + ", but it is "
                + value.type().describe(), "not " + type.get().describe(),
            "e.g. `param " + name + ": " + type.get().describe() + " = " + example(type.get()) + "`");
      }
      return Optional.empty();
    }
    Object v = lit.value() instanceof Long n && type.get().isNumeric() && !(type.get() instanceof Type.Int)
        ? BigDecimal.valueOf(n) : lit.value();
    return Optional.of(new Param(name, type.get(), v, Param.Origin.DEFAULT, d.span()));
  }

  private static boolean fits(Expr.Literal lit, Type type) {
    Type t = lit.type();
    if (type instanceof Type.Text max) {
      return t instanceof Type.Text text && (max.maxLength() == null || text.maxLength() <= max.maxLength());
    }
    if (type instanceof Type.Int) return t instanceof Type.Int;
    if (type.isNumeric()) return t.isNumeric();
    return t.equals(type);
  }

  /** A fmap.yaml value (always text there) as a value of the param's type. */
  static Optional<Object> parse(String text, Type type) {
    try {
      if (type instanceof Type.Text t) {
        return t.maxLength() == null || text.length() <= t.maxLength() ? Optional.of(text) : Optional.empty();
      }
      if (type instanceof Type.Int) return Optional.of(Long.parseLong(text.trim()));
      if (type.isNumeric()) return Optional.of(new BigDecimal(text.trim()));
      if (type instanceof Type.Bool) {
        return text.equals("true") || text.equals("false") ? Optional.of(Boolean.parseBoolean(text)) : Optional.empty();
      }
      if (type instanceof Type.Date) return Optional.of(LocalDate.parse(text.trim()));
      if (type instanceof Type.DateTime) return Optional.of(Instant.parse(text.trim()));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String example(Type type) {
    if (type instanceof Type.Int) return "90";
    if (type.isNumeric()) return "0.5";
    if (type instanceof Type.Bool) return "true";
    if (type instanceof Type.Date) return "2024-01-31";
    if (type instanceof Type.DateTime) return "2024-01-31T00:00:00Z";
    return "\"text\"";
  }
}
