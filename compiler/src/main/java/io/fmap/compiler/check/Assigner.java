package io.fmap.compiler.check;

import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.Type;
import io.fmap.compiler.ir.Write;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Whether a typed value may be written to a column, and how: option literals become option numbers,
 * lookups get their navigation-property bindings, and every misfit is reported with a fix.
 */
final class Assigner {
  private final Context cx;
  private final ExprChecker exprs;

  Assigner(Context cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  record Assigned(Expr value, Write write) {}

  Assigned assign(Expr value, Column column, Table table) {
    String owner = Schemas.TARGET + "." + table.name() + "." + column.name();
    Write plain = Write.PLAIN;
    if (ValueMapChecker.isChoice(column) && value.type() instanceof Type.Choice c
        && c.owner().startsWith(Schemas.TARGET + ".") && !c.owner().equals(owner)) {
      cx.reporter.report(DiagnosticCode.VALUE_MAP_MISMATCH, value.span(),
          "this gives options of " + c.owner() + ", not of " + owner, "options of another column",
          "use a value map whose target is " + owner);
      return new Assigned(value, plain);
    }
    range(value, column);
    Optional<Types.Misfit> misfit = Types.misfit(value.type(), column, owner);
    if (misfit.isPresent()) {
      Types.Misfit m = misfit.get();
      cx.reporter.report(m.code(), value.span(), m.message(), m.label(), help(m.code(), value, column, table));
      return new Assigned(value, plain);
    }
    if (column.type() == ColumnType.OWNER) {
      return new Assigned(value, new Write.Bind(MapChecker.bindings(column, null, cx.schemas.target())));
    }
    if ((column.type() == ColumnType.LOOKUP || column.type() == ColumnType.CUSTOMER)
        && value.type() instanceof Type.Lookup lookup) {
      return new Assigned(value, new Write.Bind(lookup(value, lookup, column)));
    }
    return new Assigned(value, plain);
  }

  private List<Write.Binding> lookup(Expr value, Type.Lookup lookup, Column column) {
    List<String> pointable = column.targets().stream().map(t -> t.table()).toList();
    List<String> accepted = lookup.tables().stream().filter(pointable::contains).toList();
    List<String> refused = lookup.tables().stream().filter(t -> !pointable.contains(t)).toList();
    String object = MapChecker.refs(value).stream().map(Expr.Ref::object).distinct().reduce((a, b) -> a + ", " + b)
        .orElse("the referenced object");
    if (accepted.isEmpty() && !lookup.tables().isEmpty()) {
      cx.reporter.report(DiagnosticCode.LOOKUP_TARGET_MISMATCH, value.span(),
          "spark." + object + " is migrated to " + String.join(" and ", lookup.tables()) + ", but `" + column.name()
              + "` points to " + String.join(" or ", pointable), "cannot point there",
          "ref an object migrated to " + String.join(" or ", pointable));
    } else if (!refused.isEmpty()) {
      cx.reporter.report(DiagnosticCode.LOOKUP_TARGET_PARTLY, value.span(),
          "records of spark." + object + " routed to " + String.join(" and ", refused) + " cannot be set in `"
              + column.name() + "`, which points to " + String.join(" or ", pointable), "partly unbindable",
          "those rows get an empty `" + column.name() + "`; route them elsewhere or accept it");
    }
    return MapChecker.bindings(column, accepted, cx.schemas.target());
  }

  private void range(Expr value, Column column) {
    if (!(value instanceof Expr.Literal lit) || !(lit.value() instanceof Number n)) return;
    BigDecimal v = new BigDecimal(n.toString());
    boolean low = column.minValue() != null && v.compareTo(BigDecimal.valueOf(column.minValue())) < 0;
    boolean high = column.maxValue() != null && v.compareTo(BigDecimal.valueOf(column.maxValue())) > 0;
    if (low || high) {
      cx.reporter.report(DiagnosticCode.NUMBER_OUT_OF_RANGE, value.span(),
          n + " is outside what `" + column.name() + "` accepts (" + plain(column.minValue()) + " to "
              + plain(column.maxValue()) + ")", "out of range", null);
    }
  }

  private static String plain(Double d) {
    return d == null ? "any" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private String help(DiagnosticCode code, Expr value, Column column, Table table) {
    return switch (code) {
      case TEXT_TOO_LONG -> "cut it to fit: `... | truncate(" + column.maxLength() + ")`";
      case NEEDS_PARSE -> column.type() == ColumnType.BOOL
          ? "compare it: `" + shown(value) + " == \"...\"` gives yes/no"
          : wanted(column).flatMap(exprs::parser).map(f -> "parse it: `... | " + f + "`")
              .orElse("convert it to " + column.type().name().toLowerCase() + " first");
      case LOSSY_NUMBER -> "make it whole first if the fraction matters";
      case TIME_DROPPED -> "fine when only the day matters; otherwise map it to a date-time column";
      case CHOICE_NEEDS_VALUE_MAP -> value instanceof Expr.Field f && value.type() instanceof Type.Choice c
          ? "map the values: `valuemap " + f.field().replace(' ', '_') + "_to_" + column.name() + ": " + c.owner()
              + " -> dynamics." + table.name() + "." + column.name() + " { ... }`, then `" + f.field() + " | "
              + f.field().replace(' ', '_') + "_to_" + column.name() + "`"
          : "write an option (`\"Label\"` or its number) or apply a value map";
      case LOOKUP_NEEDS_REF -> lookupHelp(value, column);
      case OWNER_NEEDS_OWNER -> "write `ownerid = owner(owner_email)`";
      default -> null;
    };
  }

  private static String shown(Expr value) {
    return value instanceof Expr.Field f ? f.field() : "value";
  }

  private String lookupHelp(Expr value, Column column) {
    String targets = String.join(" or ", column.targets().stream().map(t -> t.table()).toList());
    if (value instanceof Expr.Field f) {
      return "point to the migrated row: `ref(spark.OBJECT, " + f.field() + ")` where OBJECT is migrated to " + targets;
    }
    return "point to a migrated row with `ref(spark.OBJECT, id_field)`; `" + column.name() + "` points to " + targets;
  }

  private static Optional<Type> wanted(Column column) {
    return switch (column.type()) {
      case INT, BIGINT -> Optional.of(Type.INT);
      case DECIMAL, DOUBLE, MONEY -> Optional.of(Type.DECIMAL);
      case DATE -> Optional.of(Type.DATE);
      case DATETIME -> Optional.of(Type.DATETIME);
      case BOOL -> Optional.of(Type.BOOL);
      default -> Optional.empty();
    };
  }
}
