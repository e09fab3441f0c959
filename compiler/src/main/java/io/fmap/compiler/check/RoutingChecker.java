package io.fmap.compiler.check;

import io.fmap.compiler.ast.AstEquivalence;
import io.fmap.compiler.ast.MapDecl;
import io.fmap.compiler.ast.Routing;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.ObjectMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Routing per source object: a record goes to the first map whose {@code when} holds, else to the
 * {@code otherwise} map. Reports holes (no otherwise), two catch-alls, constant and repeated conditions.
 */
final class RoutingChecker {
  private final Reporter reporter;

  RoutingChecker(Reporter reporter) {
    this.reporter = reporter;
  }

  record Checked(MapDecl decl, ObjectMap map) {}

  List<io.fmap.compiler.ir.Routing> check(List<Checked> maps) {
    Map<String, List<Checked>> byObject = new LinkedHashMap<>();
    for (Checked c : maps) byObject.computeIfAbsent(c.map().source().name(), k -> new ArrayList<>()).add(c);
    List<io.fmap.compiler.ir.Routing> out = new ArrayList<>();
    for (var entry : byObject.entrySet()) out.add(object(entry.getKey(), entry.getValue()));
    return out;
  }

  private io.fmap.compiler.ir.Routing object(String object, List<Checked> maps) {
    List<String> order = new ArrayList<>();
    Checked catchAll = null;
    List<Checked> conditional = new ArrayList<>();
    for (Checked c : maps) {
      Routing r = c.decl().routing();
      if (r instanceof Routing.When) {
        conditional.add(c);
        continue;
      }
      if (catchAll != null) {
        Checked first = catchAll;
        reporter.report(DiagnosticCode.TWO_OTHERWISE, r instanceof Routing.Otherwise ? r.span() : c.decl().target().span(),
            "spark." + object + " already has a map that takes every remaining record", "second catch-all",
            "give one of them a `when` condition");
        reporter.amendLast(d -> d.withSecondary(first.decl().target().span(), "this map takes them first"));
        continue;
      }
      catchAll = c;
    }
    Checked alwaysTrue = null;
    for (int i = 0; i < conditional.size(); i++) {
      Checked c = conditional.get(i);
      Routing.When w = (Routing.When) c.decl().routing();
      if (alwaysTrue != null) {
        unreachable(c, object, alwaysTrue);
      } else {
        for (int j = 0; j < i; j++) {
          Routing.When earlier = (Routing.When) conditional.get(j).decl().routing();
          if (AstEquivalence.equivalent(earlier.condition(), w.condition())) {
            unreachable(c, object, conditional.get(j));
            break;
          }
        }
      }
      Optional<Boolean> constant = c.map().when().flatMap(RoutingChecker::fold);
      if (constant.isPresent()) {
        reporter.report(DiagnosticCode.CONSTANT_CONDITION, w.condition().span(),
            "this condition is always " + constant.get(), "always " + constant.get(),
            constant.get() ? "drop the `when` (or use `otherwise`) if the map should take every record"
                : "this map never gets a record; remove it or fix the condition");
        if (constant.get() && alwaysTrue == null) alwaysTrue = c;
      }
      order.add(c.map().name());
    }
    if (catchAll != null) {
      if (alwaysTrue != null) unreachable(catchAll, object, alwaysTrue);
      order.add(catchAll.map().name());
    } else if (!conditional.isEmpty() && alwaysTrue == null) {
      reporter.report(DiagnosticCode.NO_OTHERWISE, maps.get(0).decl().source().span(),
          "records of spark." + object + " that match no `when` are not migrated", "may drop records",
          "add `map spark." + object + " -> dynamics.TABLE otherwise { ... }`, or a `where` filter if dropping them is meant");
    }
    return new io.fmap.compiler.ir.Routing(object, order, catchAll != null || alwaysTrue != null);
  }

  private void unreachable(Checked c, String object, Checked by) {
    reporter.report(DiagnosticCode.UNREACHABLE_MAP, c.decl().target().span(),
        "this map never gets a record: an earlier map of spark." + object + " takes every record it would",
        "unreachable", "change its condition or remove it");
    reporter.amendLast(d -> d.withSecondary(by.decl().target().span(), "takes them first"));
  }

  /** The value of a condition built from literals only; params are not constant (fmap.yaml overrides them). */
  static Optional<Boolean> fold(Expr e) {
    Optional<Object> v = constant(e);
    return v.filter(Boolean.class::isInstance).map(Boolean.class::cast);
  }

  private static Optional<Object> constant(Expr e) {
    if (e instanceof Expr.Literal l) return Optional.ofNullable(l.value());
    if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
      return fold(u.operand()).map(b -> !b);
    }
    if (e instanceof Expr.In in) {
      Optional<Object> value = constant(in.value());
      if (value.isEmpty()) return Optional.empty();
      List<Object> options = new ArrayList<>();
      for (Expr o : in.options()) {
        Optional<Object> c = constant(o);
        if (c.isEmpty()) return Optional.empty();
        options.add(c.get());
      }
      return Optional.of(options.contains(value.get()));
    }
    if (e instanceof Expr.Binary b) {
      Optional<Object> l = constant(b.left());
      Optional<Object> r = constant(b.right());
      switch (b.op()) {
        case AND -> {
          if (l.equals(Optional.of(false)) || r.equals(Optional.of(false))) return Optional.of(false);
          if (l.isPresent() && r.isPresent()) return Optional.of((Boolean) l.get() && (Boolean) r.get());
          return Optional.empty();
        }
        case OR -> {
          if (l.equals(Optional.of(true)) || r.equals(Optional.of(true))) return Optional.of(true);
          if (l.isPresent() && r.isPresent()) return Optional.of((Boolean) l.get() || (Boolean) r.get());
          return Optional.empty();
        }
        case EQ, NE -> {
          if (l.isEmpty() || r.isEmpty()) return Optional.empty();
          boolean eq = Objects.equals(l.get(), r.get());
          return Optional.of(b.op() == Expr.BinaryOp.EQ ? eq : !eq);
        }
        case LT, LE, GT, GE -> {
          if (l.isEmpty() || r.isEmpty() || !(l.get() instanceof Comparable<?>) || l.get().getClass() != r.get().getClass()) {
            return Optional.empty();
          }
          @SuppressWarnings("unchecked")
          int cmp = ((Comparable<Object>) l.get()).compareTo(r.get());
          return Optional.of(switch (b.op()) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            default -> cmp >= 0;
          });
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
