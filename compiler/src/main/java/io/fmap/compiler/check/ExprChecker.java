package io.fmap.compiler.check;

import io.fmap.compiler.ast.Binary;
import io.fmap.compiler.ast.BoolLit;
import io.fmap.compiler.ast.Call;
import io.fmap.compiler.ast.DateLit;
import io.fmap.compiler.ast.DateTimeLit;
import io.fmap.compiler.ast.DecimalLit;
import io.fmap.compiler.ast.If;
import io.fmap.compiler.ast.Ignore;
import io.fmap.compiler.ast.In;
import io.fmap.compiler.ast.IntLit;
import io.fmap.compiler.ast.ListExpr;
import io.fmap.compiler.ast.Literal;
import io.fmap.compiler.ast.Match;
import io.fmap.compiler.ast.Member;
import io.fmap.compiler.ast.Name;
import io.fmap.compiler.ast.Owner;
import io.fmap.compiler.ast.Path;
import io.fmap.compiler.ast.Pipe;
import io.fmap.compiler.ast.Ref;
import io.fmap.compiler.ast.TextLit;
import io.fmap.compiler.ast.Unary;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.Type;
import io.fmap.compiler.ir.ValueMap;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves and types one expression; every problem is reported and typed {@code unknown} so checking goes on. */
final class ExprChecker {
  /** Functions whose result is no longer than their text input: the input's bound carries over. */
  private static final Set<String> LENGTH_KEEPING = Set.of("trim", "lower", "upper");

  /**
   * Names visible in an expression.
   *
   * @param object the source object of the enclosing map; null in a param default
   * @param locals {@code let} names defined so far, with their types
   */
  record Scope(Table object, Map<String, Type> locals) {
    static Scope constants() { return new Scope(null, Map.of()); }

    Scope with(String name, Type type) {
      Map<String, Type> more = new LinkedHashMap<>(locals);
      more.put(name, type);
      return new Scope(object, more);
    }
  }

  private final Context cx;

  ExprChecker(Context cx) {
    this.cx = cx;
  }

  Expr check(io.fmap.compiler.ast.Expr e, Scope scope) {
    if (e instanceof Literal l) return literal(l);
    if (e instanceof Path p) return path(p, scope);
    if (e instanceof Member m) return member(m, scope);
    if (e instanceof Call c) return call(c.function(), argsOf(c.args(), scope), c.span());
    if (e instanceof Pipe p) {
      List<Expr> args = new ArrayList<>();
      args.add(check(p.input(), scope));
      args.addAll(argsOf(p.args(), scope));
      return call(p.function(), args, p.span());
    }
    if (e instanceof Binary b) return binary(b, scope);
    if (e instanceof Unary u) return unary(u, scope);
    if (e instanceof In in) return in(in, scope);
    if (e instanceof ListExpr l) {
      List<Expr> items = argsOf(l.items(), scope);
      return new Expr.ListLiteral(items, new Type.ListOf(joinAll(items.stream().map(Expr::type).toList())), l.span());
    }
    if (e instanceof If i) return conditional(i, scope);
    if (e instanceof Match m) return match(m, scope, r -> check(r, scope));
    if (e instanceof Ref r) return ref(r, scope, true);
    if (e instanceof Owner o) return owner(o, scope);
    Ignore i = (Ignore) e;
    cx.reporter.report(DiagnosticCode.IGNORE_MISPLACED, i.span(), "`ignore` cannot be part of a value",
        "ignore here", "write `column = ignore` to leave a column out, or `value ?? ignore` to leave it out when empty");
    return unknown(i.span());
  }

  /**
   * The value of an assignment to {@code column}. For a choice column, option literals ({@code "Label"},
   * a number, or a bare label that is no field) in any branch of an {@code if}, {@code match} or
   * {@code ??} become options of the column, so that branches agree on one type.
   */
  Expr checkValue(io.fmap.compiler.ast.Expr e, Scope scope, Column column, String owner) {
    if (!ValueMapChecker.isChoice(column)) return check(e, scope);
    if (e instanceof TextLit || e instanceof IntLit) return optionLiteral((Expr.Literal) literal((Literal) e), column, owner);
    if (e instanceof Path p && p.segments().size() == 1 && isBareLabel(p.segments().get(0).text(), scope, column)) {
      Name n = p.segments().get(0);
      return optionLiteral(new Expr.Literal(n.text(), Type.TEXT, n.span()), column, owner);
    }
    if (e instanceof If i) {
      Expr cond = check(i.condition(), scope);
      condition(cond);
      Expr then = checkValue(i.then(), scope, column, owner);
      Expr otherwise = checkValue(i.otherwise(), scope, column, owner);
      Type t = join(then.type(), otherwise.type());
      return new Expr.Conditional(cond, then, otherwise, t == null ? Type.UNKNOWN : t, i.span());
    }
    if (e instanceof Binary b && b.op() == io.fmap.compiler.ast.BinaryOp.FALLBACK && !(b.right() instanceof Ignore)) {
      Expr left = checkValue(b.left(), scope, column, owner);
      Expr right = checkValue(b.right(), scope, column, owner);
      Type t = join(left.type(), right.type());
      return new Expr.Binary(Expr.BinaryOp.COALESCE, left, right, t == null ? Type.UNKNOWN : t, b.span());
    }
    if (e instanceof Match m) return match(m, scope, r -> checkValue(r, scope, column, owner));
    return check(e, scope);
  }

  private boolean isBareLabel(String name, Scope scope, Column column) {
    return !scope.locals().containsKey(name) && !cx.paramNames.contains(name)
        && (scope.object() == null || scope.object().column(name).isEmpty()) && column.optionByLabel(name).isPresent();
  }

  /** A literal written for a choice column: the option it names (by label or number), or a finding. */
  Expr optionLiteral(Expr.Literal lit, Column column, String owner) {
    Optional<OptionValue> o = lit.value() instanceof String s ? column.optionByLabel(s)
        : ((Long) lit.value() >= Integer.MIN_VALUE && (Long) lit.value() <= Integer.MAX_VALUE
            ? column.optionByValue(((Long) lit.value()).intValue()) : Optional.empty());
    if (o.isEmpty()) {
      List<String> labels = column.options().stream().map(OptionValue::label).toList();
      String shown = lit.value() instanceof String s ? "\"" + s + "\"" : lit.value().toString();
      cx.reporter.report(DiagnosticCode.OPTION_NOT_IN_SET, lit.span(), shown + " is not an option of " + owner,
          "no such option", (lit.value() instanceof String s ? Reporter.didYouMean(s, labels) : Optional.<String>empty())
              .orElse("its options: " + ValueMapChecker.options(column)));
      return unknown(lit.span());
    }
    Type type = column.type() == ColumnType.CHOICES ? new Type.Choices(owner, column.options())
        : new Type.Choice(owner, column.options());
    return new Expr.Literal((long) o.get().value(), type, lit.span());
  }

  private List<Expr> argsOf(List<io.fmap.compiler.ast.Expr> args, Scope scope) {
    return args.stream().map(a -> check(a, scope)).toList();
  }

  static Expr unknown(Span span) {
    return new Expr.Literal(null, Type.UNKNOWN, span);
  }

  // ------------------------------------------------------------------ literals and names

  Expr literal(Literal l) {
    if (l instanceof TextLit t) {
      return new Expr.Literal(t.value(), new Type.Text(t.value().codePointCount(0, t.value().length())), t.span());
    }
    if (l instanceof IntLit i) return new Expr.Literal(i.value(), Type.INT, i.span());
    if (l instanceof DecimalLit d) return new Expr.Literal(d.value(), Type.DECIMAL, d.span());
    if (l instanceof BoolLit b) return new Expr.Literal(b.value(), Type.BOOL, b.span());
    if (l instanceof DateLit d) return new Expr.Literal(d.value(), Type.DATE, d.span());
    if (l instanceof DateTimeLit d) return new Expr.Literal(instant(d.iso()), Type.DATETIME, d.span());
    return new Expr.Literal(null, Type.NULL, l.span());
  }

  /** A date-time written without a zone is UTC: migrations compare instants, and Dataverse stores UTC. */
  private static Instant instant(String iso) {
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutZone) {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }
  }

  private Expr path(Path p, Scope scope) {
    Name first = p.segments().get(0);
    List<Name> rest = p.segments().subList(1, p.segments().size());
    String name = first.text();
    Expr resolved;
    if (scope.locals().containsKey(name)) {
      resolved = new Expr.LocalRef(name, scope.locals().get(name), first.span());
    } else if (cx.paramNames.contains(name)) {
      cx.usedParams.add(name);
      var param = cx.params.get(name);
      resolved = new Expr.ParamRef(name, param == null ? Type.UNKNOWN : param.type(), first.span());
    } else if (scope.object() != null) {
      List<String> others = new ArrayList<>(scope.locals().keySet());
      others.addAll(cx.paramNames);
      Optional<Column> field = cx.schemas.field(scope.object(), first, others);
      if (field.isEmpty()) return unknown(p.span());
      Type type = Types.of(Schemas.SOURCE + "." + scope.object().name() + "." + name, field.get());
      if (polymorphic(field.get())) return polymorphicPart(field.get(), scope.object(), first, rest, p.span());
      // Nested values without a declared shape: their parts are untyped.
      if (!rest.isEmpty() && type instanceof Type.Unknown) {
        return new Expr.Field(name, rest.stream().map(Name::text).toList(), Type.UNKNOWN, p.span());
      }
      resolved = new Expr.Field(name, List.of(), type, first.span());
    } else {
      cx.reporter.report(DiagnosticCode.UNKNOWN_SOURCE_FIELD, first.span(),
          "`" + name + "` is not a param; a param's default is a constant or another param", "unknown name",
          Reporter.didYouMean(name, cx.paramNames).orElse(null));
      return unknown(p.span());
    }
    if (!rest.isEmpty() && !(resolved.type() instanceof Type.Unknown)) {
      noFields(rest.get(0), resolved);
      return unknown(p.span());
    }
    return resolved;
  }

  /** A Spark reference to one of several objects ({@code related}): its value is {@code {object, id}}. */
  static boolean polymorphic(Column c) {
    return c.type() == ColumnType.LOOKUP && c.targets().size() > 1;
  }

  /**
   * {@code related.object} is a choice of the objects it may point to (so a {@code match} on it can be
   * proven complete), {@code related.id} the id; the bare field is the pair, which no ref can take.
   */
  private Expr polymorphicPart(Column c, Table object, Name first, List<Name> rest, Span span) {
    if (rest.isEmpty()) return new Expr.Field(c.name(), List.of(), Type.UNKNOWN, span);
    String part = rest.get(0).text();
    if (rest.size() == 1 && part.equals("object")) {
      List<OptionValue> objects = c.targets().stream().map(t -> OptionValue.label(t.table())).toList();
      return new Expr.Field(c.name(), List.of(part),
          new Type.Choice(Schemas.SOURCE + "." + object.name() + "." + c.name() + ".object", objects), span);
    }
    if (rest.size() == 1 && part.equals("id")) return new Expr.Field(c.name(), List.of(part), Type.ID, span);
    cx.reporter.report(DiagnosticCode.UNKNOWN_SOURCE_FIELD, rest.get(0).span(),
        "`" + first.text() + "` has only `object` and `id`", "unknown part",
        Reporter.didYouMean(part, List.of("object", "id")).orElse(null));
    return unknown(span);
  }

  private void noFields(Name member, Expr of) {
    cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, member.span(),
        "`" + member.text() + "` cannot be read from a " + of.type().describe() + " value", "no fields here",
        "only `ref(spark.OBJECT, id)` has fields: `ref(spark.Company, company_id).name`");
  }

  private Expr member(Member m, Scope scope) {
    if (m.target() instanceof Ref r) {
      Expr.Ref ref = (Expr.Ref) ref(r, scope, false);
      Optional<Table> object = cx.schemas.source().table(ref.object());
      if (object.isEmpty()) return unknown(m.span());
      Optional<Column> field = cx.schemas.field(object.get(), m.member(), List.of());
      if (field.isEmpty()) return unknown(m.span());
      Type type = Types.of(Schemas.SOURCE + "." + ref.object() + "." + field.get().name(), field.get());
      return new Expr.RefField(ref.object(), ref.id(), field.get().name(), type, m.span());
    }
    Expr target = check(m.target(), scope);
    if (target.type() instanceof Type.Unknown) return unknown(m.span());
    noFields(m.member(), target);
    return unknown(m.span());
  }

  // ------------------------------------------------------------------ lookups

  /** {@code needsMap}: the ref is written to a lookup, so some map must migrate the object. */
  Expr ref(Ref r, Scope scope, boolean needsMap) {
    Expr key = check(r.key(), scope);
    Type k = key.type();
    if (key instanceof Expr.Field f && f.subPath().isEmpty() && scope.object() != null
        && scope.object().column(f.field()).filter(ExprChecker::polymorphic).isPresent()) {
      cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, r.key().span(),
          "`" + f.field() + "` may point to " + String.join(", ", scope.object().column(f.field()).get().targets()
              .stream().map(t -> t.table()).toList()) + "; a ref takes its id", "object and id",
          "match on `" + f.field() + ".object` and ref each object with `" + f.field() + ".id`");
    }
    if (!(k.isTextual() || k instanceof Type.Int || k instanceof Type.Unknown || k instanceof Type.Null)) {
      cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, r.key().span(),
          "a ref's key is the source record's id, but this value is " + k.describe(), "not an id",
          "pass the field that holds the id, e.g. `company_id`");
    }
    Optional<Table> object = cx.schemas.sourceObject(r.object(), "a ref's object");
    if (object.isEmpty()) return new Expr.Ref(r.object().last().text(), key, List.of(), Type.UNKNOWN, r.span());
    String name = object.get().name();
    List<String> tables = cx.produced.getOrDefault(name, List.of());
    if (needsMap && tables.isEmpty()) {
      cx.reporter.report(DiagnosticCode.REF_TO_UNMAPPED_OBJECT, r.object().span(),
          "no map migrates spark." + name + ", so there is no row to point to", "never migrated",
          "add `map spark." + name + " -> dynamics.TABLE { ... }`, or read a field of it with `ref(...).field`");
      return new Expr.Ref(name, key, tables, Type.UNKNOWN, r.span());
    }
    return new Expr.Ref(name, key, tables, new Type.Lookup(tables), r.span());
  }

  private Expr owner(Owner o, Scope scope) {
    Expr email = check(o.email(), scope);
    Type t = email.type();
    if (!(t.isTextual() || t instanceof Type.Unknown || t instanceof Type.Null)) {
      cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, o.email().span(),
          "`owner(...)` takes the owner's email address, but this value is " + t.describe(), "not an email", null);
    }
    return new Expr.Owner(email, Type.OWNER, o.span());
  }

  // ------------------------------------------------------------------ calls

  private Expr call(Name function, List<Expr> args, Span span) {
    String name = function.text();
    if (cx.valueMapNames.contains(name)) return valueMap(function, args, span);
    List<FunctionTable.Signature> overloads = cx.functions.overloads(name);
    if (overloads.isEmpty()) {
      List<String> candidates = new ArrayList<>(cx.functions.names());
      candidates.addAll(cx.valueMapNames);
      Optional<String> near = io.fmap.compiler.diag.DidYouMean.closest(name, candidates);
      boolean meantValueMap = near.isPresent() && cx.valueMapNames.contains(near.get());
      cx.reporter.report(meantValueMap ? DiagnosticCode.UNKNOWN_VALUE_MAP : DiagnosticCode.UNKNOWN_FUNCTION,
          function.span(), "there is no " + (meantValueMap ? "value map" : "function") + " `" + name + "`",
          meantValueMap ? "unknown value map" : "unknown function",
          near.map(n -> "did you mean `" + n + "`?").orElse("the functions are listed in docs/checks.md"));
      return unknown(span);
    }
    List<FunctionTable.Signature> byArity = overloads.stream().filter(s -> s.accepts(args.size())).toList();
    if (byArity.isEmpty()) {
      cx.reporter.report(DiagnosticCode.WRONG_ARGUMENTS, function.span(),
          "`" + name + "` does not take " + args.size() + " argument" + (args.size() == 1 ? "" : "s"),
          "wrong number of arguments", signatures(overloads));
      return unknown(span);
    }
    // Prefer the overload the arguments fit exactly: days_since(date) must not call the datetime one.
    FunctionTable.Signature best = null;
    int bestCost = Integer.MAX_VALUE;
    for (FunctionTable.Signature sig : byArity) {
      if (mismatch(sig, args) >= 0) continue;
      int cost = 0;
      for (int i = 0; i < args.size(); i++) cost += sameKind(args.get(i).type(), sig.param(i)) ? 0 : 1;
      if (cost < bestCost) {
        best = sig;
        bestCost = cost;
      }
    }
    if (best != null) return new Expr.Call(best.javaMethod(), args, result(best, args), span);
    FunctionTable.Signature first = byArity.get(0);
    int bad = mismatch(first, args);
    Expr arg = args.get(bad);
    String help = arg.type().isTextual() && parser(first.param(bad)).isPresent()
        ? "parse it first: `... | " + parser(first.param(bad)).get() + "`" : signatures(overloads);
    cx.reporter.report(DiagnosticCode.WRONG_ARGUMENTS, arg.span(),
        "argument " + (bad + 1) + " of `" + name + "` must be " + first.param(bad).describe() + ", but this is "
            + arg.type().describe(), "expected " + first.param(bad).describe(), help);
    return unknown(span);
  }

  private static String signatures(List<FunctionTable.Signature> overloads) {
    return "takes: " + String.join("; ", overloads.stream().map(FunctionTable.Signature::describe).toList());
  }

  /** The first argument index that does not fit, or -1. */
  private static int mismatch(FunctionTable.Signature sig, List<Expr> args) {
    for (int i = 0; i < args.size(); i++) {
      if (!fits(args.get(i).type(), sig.param(i))) return i;
    }
    return -1;
  }

  private static boolean sameKind(Type arg, Type param) {
    return arg.getClass() == param.getClass() || arg instanceof Type.Unknown || arg instanceof Type.Null
        || param instanceof Type.Unknown;
  }

  static boolean fits(Type arg, Type param) {
    if (param instanceof Type.Unknown || arg instanceof Type.Unknown || arg instanceof Type.Null) return true;
    if (param instanceof Type.Text) return arg.isTextual() || arg instanceof Type.Choice;
    if (param instanceof Type.Int) return arg instanceof Type.Int;
    if (param instanceof Type.Decimal || param instanceof Type.Money) return arg.isNumeric();
    if (param instanceof Type.DateTime) return arg instanceof Type.DateTime || arg instanceof Type.Date;
    if (param instanceof Type.ListOf l) return arg instanceof Type.ListOf a && fits(a.element(), l.element());
    return param.equals(arg);
  }

  private static Type result(FunctionTable.Signature sig, List<Expr> args) {
    if (sig.name().equals("truncate") && args.size() == 2 && args.get(1) instanceof Expr.Literal l
        && l.value() instanceof Long n) {
      return new Type.Text((int) Math.min(Integer.MAX_VALUE, n));
    }
    if (LENGTH_KEEPING.contains(sig.name()) && !args.isEmpty() && args.get(0).type() instanceof Type.Text t
        && sig.result() instanceof Type.Text) {
      return t;
    }
    return sig.result();
  }

  /** The name of a function that turns text into {@code wanted}, for help lines. */
  Optional<String> parser(Type wanted) {
    for (String name : cx.functions.names()) {
      for (FunctionTable.Signature s : cx.functions.overloads(name)) {
        if (!s.params().isEmpty() && s.params().get(0) instanceof Type.Text && s.result().equals(wanted)
            && s.params().size() == 1) {
          return Optional.of(name);
        }
      }
    }
    for (String name : cx.functions.names()) {
      for (FunctionTable.Signature s : cx.functions.overloads(name)) {
        if (!s.params().isEmpty() && s.params().get(0) instanceof Type.Text && s.result().equals(wanted)) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }

  private Expr valueMap(Name function, List<Expr> args, Span span) {
    String name = function.text();
    cx.usedValueMaps.add(name);
    if (args.size() != 1) {
      cx.reporter.report(DiagnosticCode.WRONG_ARGUMENTS, function.span(),
          "value map `" + name + "` takes one value, not " + args.size(), "one value", "write `field | " + name + "`");
      return unknown(span);
    }
    ValueMap vm = cx.valueMaps.get(name);
    if (vm == null) return unknown(span);
    Expr input = args.get(0);
    String sourceOwner = Schemas.SOURCE + "." + vm.sourceObject() + "." + vm.sourceField().name();
    Type in = input.type();
    // A multi-select maps option by option into a multi-select.
    boolean many = in instanceof Type.Choices c && c.owner().equals(sourceOwner);
    boolean fitsInput = many || (in instanceof Type.Choice c ? c.owner().equals(sourceOwner)
        : in.isTextual() || in instanceof Type.Unknown || in instanceof Type.Null);
    if (!fitsInput) {
      cx.reporter.report(DiagnosticCode.VALUE_MAP_MISMATCH, input.span(),
          "value map `" + name + "` maps " + sourceOwner + ", but this value is " + in.describe(),
          "not " + sourceOwner, "apply it to `" + vm.sourceField().name() + "`, or write a value map for this field");
    }
    String targetOwner = Schemas.TARGET + "." + vm.targetTable() + "." + vm.targetColumn().name();
    Type out = vm.targetColumn().type() == ColumnType.CHOICES || many
        ? new Type.Choices(targetOwner, vm.targetColumn().options())
        : new Type.Choice(targetOwner, vm.targetColumn().options());
    return new Expr.ValueMapApply(name, input, out, span);
  }

  // ------------------------------------------------------------------ operators

  private Expr binary(Binary b, Scope scope) {
    Expr left = check(b.left(), scope);
    Expr right = check(b.right(), scope);
    Type l = left.type();
    Type r = right.type();
    return switch (b.op()) {
      case FALLBACK -> {
        Type joined = join(l, r);
        if (joined == null) {
          operands(b, l, r, "the fallback after `??` must have the type of the value before it");
          yield unknown(b.span());
        }
        yield new Expr.Binary(Expr.BinaryOp.COALESCE, left, right, joined, b.span());
      }
      case AND, OR -> {
        condition(left);
        condition(right);
        yield new Expr.Binary(b.op() == io.fmap.compiler.ast.BinaryOp.AND ? Expr.BinaryOp.AND : Expr.BinaryOp.OR,
            left, right, Type.BOOL, b.span());
      }
      case EQ, NE -> {
        if (!comparable(l, r)) operands(b, l, r, null);
        picklistValue(left, right);
        picklistValue(right, left);
        yield new Expr.Binary(b.op() == io.fmap.compiler.ast.BinaryOp.EQ ? Expr.BinaryOp.EQ : Expr.BinaryOp.NE,
            left, right, Type.BOOL, b.span());
      }
      case LT, LE, GT, GE -> {
        boolean ok = lenient(l, r) || l.isNumeric() && r.isNumeric() || dateLike(l) && dateLike(r)
            || l instanceof Type.Text && r instanceof Type.Text;
        if (!ok) operands(b, l, r, null);
        Expr.BinaryOp op = switch (b.op()) {
          case LT -> Expr.BinaryOp.LT;
          case LE -> Expr.BinaryOp.LE;
          case GT -> Expr.BinaryOp.GT;
          default -> Expr.BinaryOp.GE;
        };
        yield new Expr.Binary(op, left, right, Type.BOOL, b.span());
      }
      case ADD -> {
        if (l.isNumeric() && r.isNumeric()) yield new Expr.Binary(Expr.BinaryOp.ADD, left, right, numeric(l, r), b.span());
        if (textish(l) && textish(r) && (l instanceof Type.Text || r instanceof Type.Text || lenient(l, r))) {
          yield new Expr.Binary(Expr.BinaryOp.CONCAT, left, right, concat(l, r), b.span());
        }
        if (lenient(l, r)) yield new Expr.Binary(Expr.BinaryOp.ADD, left, right, Type.UNKNOWN, b.span());
        operands(b, l, r, "`+` adds numbers or joins text");
        yield unknown(b.span());
      }
      case SUB, MUL, DIV, MOD -> {
        if (!(lenient(l, r) || l.isNumeric() && r.isNumeric())) {
          operands(b, l, r, "`" + b.op().symbol() + "` works on numbers");
          yield unknown(b.span());
        }
        Expr.BinaryOp op = switch (b.op()) {
          case SUB -> Expr.BinaryOp.SUBTRACT;
          case MUL -> Expr.BinaryOp.MULTIPLY;
          case DIV -> Expr.BinaryOp.DIVIDE;
          default -> Expr.BinaryOp.MODULO;
        };
        Type t = b.op() == io.fmap.compiler.ast.BinaryOp.DIV ? Type.DECIMAL : numeric(l, r);
        yield new Expr.Binary(op, left, right, t, b.span());
      }
    };
  }

  private static boolean lenient(Type l, Type r) {
    return l instanceof Type.Unknown || r instanceof Type.Unknown || l instanceof Type.Null || r instanceof Type.Null;
  }

  private static boolean textish(Type t) {
    return t.isTextual() || t instanceof Type.Choice || t.isNumeric() || t instanceof Type.Unknown
        || t instanceof Type.Null || t instanceof Type.Date || t instanceof Type.DateTime;
  }

  private static boolean dateLike(Type t) {
    return t instanceof Type.Date || t instanceof Type.DateTime;
  }

  private static Type numeric(Type l, Type r) {
    if (l instanceof Type.Unknown || r instanceof Type.Unknown) return Type.UNKNOWN;
    if (l instanceof Type.Money || r instanceof Type.Money) return Type.MONEY;
    if (l instanceof Type.Decimal || r instanceof Type.Decimal) return Type.DECIMAL;
    return Type.INT;
  }

  /** Joined text is as long as both parts, when both are bounded. */
  private static Type concat(Type l, Type r) {
    Integer a = bound(l);
    Integer b = bound(r);
    return new Type.Text(a == null || b == null ? null : (int) Math.min(Integer.MAX_VALUE, (long) a + b));
  }

  private static Integer bound(Type t) {
    if (t instanceof Type.Text text) return text.maxLength();
    if (t instanceof Type.Choice c) {
      return c.options().stream().mapToInt(o -> o.label().length()).max().orElse(0);
    }
    return null;
  }

  private static boolean comparable(Type l, Type r) {
    if (lenient(l, r)) return true;
    if (l.isNumeric() && r.isNumeric()) return true;
    if (dateLike(l) && dateLike(r)) return true;
    boolean lt = l.isTextual() || l instanceof Type.Choice;
    boolean rt = r.isTextual() || r instanceof Type.Choice;
    if (lt && rt) return true;
    return l.equals(r);
  }

  /** {@code status == "qualifed"}: a text literal compared with a picklist must be one of its values. */
  private void picklistValue(Expr picklist, Expr other) {
    if (picklist.type() instanceof Type.Choice c && other instanceof Expr.Literal lit && lit.value() instanceof String s
        && !c.options().isEmpty() && c.options().stream().noneMatch(o -> o.label().equals(s))) {
      List<String> labels = c.options().stream().map(OptionValue::label).toList();
      cx.reporter.report(DiagnosticCode.UNKNOWN_SOURCE_VALUE, other.span(),
          "\"" + s + "\" is not a value of " + c.owner() + ", so this is never true", "not a value",
          Reporter.didYouMean(s, labels).orElse("its values: " + String.join(", ", labels)));
    }
  }

  private void operands(Binary b, Type l, Type r, String help) {
    cx.reporter.report(DiagnosticCode.OPERATOR_TYPES, b.span(),
        "`" + b.op().symbol() + "` cannot combine " + l.describe() + " and " + r.describe(), "mismatched operands", help);
  }

  void condition(Expr e) {
    Type t = e.type();
    if (!(t instanceof Type.Bool || t instanceof Type.Unknown || t instanceof Type.Null)) {
      cx.reporter.report(DiagnosticCode.CONDITION_NOT_BOOL, e.span(), "a condition must be yes/no, but this is "
          + t.describe(), "not a condition", "compare it: `... == \"value\"`, or test for a value: `... != null`");
    }
  }

  private Expr unary(Unary u, Scope scope) {
    Expr operand = check(u.operand(), scope);
    if (u.op() == io.fmap.compiler.ast.UnaryOp.NOT) {
      condition(operand);
      return new Expr.Unary(Expr.UnaryOp.NOT, operand, Type.BOOL, u.span());
    }
    Type t = operand.type();
    if (!(t.isNumeric() || t instanceof Type.Unknown || t instanceof Type.Null)) {
      cx.reporter.report(DiagnosticCode.OPERATOR_TYPES, u.span(), "`-` works on numbers, but this is " + t.describe(),
          "not a number", null);
      return unknown(u.span());
    }
    return new Expr.Unary(Expr.UnaryOp.NEGATE, operand, t, u.span());
  }

  private Expr in(In in, Scope scope) {
    Expr value = check(in.value(), scope);
    List<Expr> options = argsOf(in.list().items(), scope);
    for (Expr o : options) {
      if (!comparable(value.type(), o.type())) {
        cx.reporter.report(DiagnosticCode.OPERATOR_TYPES, o.span(),
            "the list holds " + o.type().describe() + ", but the value is " + value.type().describe(),
            "cannot match", null);
      }
      picklistValue(value, o);
    }
    Expr test = new Expr.In(value, options, Type.BOOL, in.span());
    return in.negated() ? new Expr.Unary(Expr.UnaryOp.NOT, test, Type.BOOL, in.span()) : test;
  }

  private Expr conditional(If i, Scope scope) {
    Expr cond = check(i.condition(), scope);
    condition(cond);
    Expr then = check(i.then(), scope);
    Expr otherwise = check(i.otherwise(), scope);
    Type t = join(then.type(), otherwise.type());
    if (t == null) {
      cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, i.otherwise().span(),
          "`then` gives " + then.type().describe() + " but `else` gives " + otherwise.type().describe(),
          "different type", "both branches must give the same type");
      t = Type.UNKNOWN;
    }
    return new Expr.Conditional(cond, then, otherwise, t, i.span());
  }

  private Expr match(Match m, Scope scope, java.util.function.Function<io.fmap.compiler.ast.Expr, Expr> results) {
    Expr subject = check(m.subject(), scope);
    List<Expr.Case> cases = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    Type result = null;
    for (io.fmap.compiler.ast.MatchCase mc : m.cases()) {
      List<Expr> values = new ArrayList<>();
      for (io.fmap.compiler.ast.Constant p : mc.patterns()) {
        Expr v = p instanceof Name n ? new Expr.Literal(n.text(), new Type.Text(n.text().length()), n.span())
            : literal((Literal) p);
        if (!comparable(subject.type(), v.type())) {
          cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, v.span(), "the case is " + v.type().describe()
              + ", but the value matched is " + subject.type().describe(), "cannot match", null);
        }
        picklistValue(subject, v);
        if (v instanceof Expr.Literal l && l.value() != null) covered.add(String.valueOf(l.value()));
        values.add(v);
      }
      Expr r = results.apply(mc.result());
      result = result == null ? r.type() : joinOrReport(result, r);
      cases.add(new Expr.Case(values, r, mc.span()));
    }
    Optional<Expr> otherwise = m.otherwise().map(results);
    if (otherwise.isPresent()) result = result == null ? otherwise.get().type() : joinOrReport(result, otherwise.get());
    if (otherwise.isEmpty()) {
      if (subject.type() instanceof Type.Choice c && !c.options().isEmpty()) {
        List<String> missing = c.options().stream().map(OptionValue::label).distinct()
            .filter(l -> !covered.contains(l)).toList();
        if (!missing.isEmpty()) {
          cx.reporter.report(DiagnosticCode.MATCH_NOT_EXHAUSTIVE, m.span(),
              "this match has no case for " + quoted(missing) + " of " + c.owner(), "not exhaustive",
              "add the missing cases, or `else -> ...`");
        }
      } else if (!(subject.type() instanceof Type.Bool && covered.containsAll(List.of("true", "false")))
          && !(subject.type() instanceof Type.Unknown)) {
        cx.reporter.report(DiagnosticCode.MATCH_NOT_EXHAUSTIVE, m.span(),
            "a match on " + subject.type().describe() + " cannot list every value", "not exhaustive",
            "add `else -> ...`");
      }
    }
    return new Expr.Match(subject, cases, otherwise, result == null ? Type.UNKNOWN : result, m.span());
  }

  private Type joinOrReport(Type sofar, Expr next) {
    Type t = join(sofar, next.type());
    if (t != null) return t;
    cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, next.span(), "this case gives " + next.type().describe()
        + ", but the cases before give " + sofar.describe(), "different type", "every case must give the same type");
    return Type.UNKNOWN;
  }

  static String quoted(List<String> values) {
    int shown = Math.min(values.size(), 12);
    String list = String.join(", ", values.subList(0, shown).stream().map(v -> "\"" + v + "\"").toList());
    return values.size() > shown ? list + " and " + (values.size() - shown) + " more" : list;
  }

  // ------------------------------------------------------------------ joins

  /** The type both values fit, or null when there is none. */
  static Type join(Type a, Type b) {
    if (a instanceof Type.Null || a instanceof Type.Unknown) return b;
    if (b instanceof Type.Null || b instanceof Type.Unknown) return a;
    if (a.equals(b)) return a;
    if (a instanceof Type.Text || b instanceof Type.Text) {
      if ((a.isTextual() || a instanceof Type.Choice) && (b.isTextual() || b instanceof Type.Choice)) {
        Integer x = bound(a);
        Integer y = bound(b);
        return new Type.Text(x == null || y == null ? null : Math.max(x, y));
      }
      return null;
    }
    if (a.isNumeric() && b.isNumeric()) return numeric(a, b);
    if (dateLike(a) && dateLike(b)) return Type.DATETIME;
    if (a instanceof Type.Lookup x && b instanceof Type.Lookup y) {
      List<String> tables = new ArrayList<>(x.tables());
      y.tables().stream().filter(t -> !tables.contains(t)).forEach(tables::add);
      return new Type.Lookup(tables);
    }
    return null;
  }

  private static Type joinAll(List<Type> types) {
    Type t = Type.NULL;
    for (Type next : types) {
      Type j = join(t, next);
      t = j == null ? Type.UNKNOWN : j;
    }
    return t;
  }
}
