package io.fmap.compiler.check;

import io.fmap.compiler.ast.Assignment;
import io.fmap.compiler.ast.Binary;
import io.fmap.compiler.ast.BinaryOp;
import io.fmap.compiler.ast.Ignore;
import io.fmap.compiler.ast.LetBinding;
import io.fmap.compiler.ast.MapDecl;
import io.fmap.compiler.ast.MapItem;
import io.fmap.compiler.ast.Name;
import io.fmap.compiler.ast.PartyItem;
import io.fmap.compiler.ast.QualifiedName;
import io.fmap.compiler.ast.Routing;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.Dependency;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.SchemaChange;
import io.fmap.compiler.ir.Write;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.Ownership;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code map}: names, the type of every assignment against its column, and completeness (required
 * columns, owner, key). Lookups written through {@code ref(...)} become load-order edges.
 */
final class MapChecker {
  private final Context cx;
  private final ExprChecker exprs;
  private final Assigner assigner;
  final List<LoadOrder.Edge> edges = new ArrayList<>();
  final List<SchemaChange> keys = new ArrayList<>();

  MapChecker(Context cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
    this.assigner = new Assigner(cx, exprs);
  }

  /** The map's source object and target table, resolved once before any body is checked. */
  record Header(MapDecl decl, Table source, Table target) {}

  Optional<Header> header(MapDecl d) {
    Optional<Table> source = cx.schemas.sourceObject(d.source(), "a map's source");
    Optional<Table> target = cx.schemas.targetTable(d.target(), "a map's target");
    if (source.isEmpty() || target.isEmpty()) return Optional.empty();
    return Optional.of(new Header(d, source.get(), target.get()));
  }

  ObjectMap check(Header h, String name) {
    MapDecl d = h.decl();
    final ExprChecker.Scope header = new ExprChecker.Scope(h.source(), Map.of());
    ExprChecker.Scope scope = header;
    Optional<Expr> when = Optional.empty();
    if (d.routing() instanceof Routing.When w) {
      Expr cond = exprs.check(w.condition(), scope);
      exprs.condition(cond);
      when = Optional.of(cond);
    }
    Optional<Expr> filter = d.where().map(f -> exprs.check(f, header));
    filter.ifPresent(exprs::condition);
    List<String> after = new ArrayList<>();
    for (QualifiedName a : d.after()) {
      cx.schemas.sourceObject(a, "`after`").ifPresent(t -> {
        after.add(t.name());
        edges.add(new LoadOrder.Edge(new Dependency(h.source().name(), t.name(), name, null, Dependency.Reason.AFTER,
            false, a.span()), false));
      });
    }

    List<ObjectMap.Local> locals = new ArrayList<>();
    List<io.fmap.compiler.ir.Assignment> keyAssignments = new ArrayList<>();
    List<io.fmap.compiler.ir.Assignment> assignments = new ArrayList<>();
    List<Column> ignored = new ArrayList<>();
    Map<String, Span> assigned = new HashMap<>();
    List<io.fmap.compiler.ir.Party> parties = new ArrayList<>();
    for (MapItem item : d.items()) {
      if (item instanceof PartyItem party) {
        new PartyChecker(cx, exprs).check(party, h, scope, name, edges).ifPresent(parties::add);
        continue;
      }
      if (item instanceof LetBinding let) {
        String local = let.name().text();
        if (scope.locals().containsKey(local)) {
          cx.reporter.report(DiagnosticCode.DUPLICATE_DECLARATION, let.name().span(),
              "`" + local + "` is already defined in this map", "second definition", "give it another name");
        }
        Expr value = exprs.check(let.value(), scope);
        locals.add(new ObjectMap.Local(local, value, let.span()));
        scope = scope.with(local, value.type());
        continue;
      }
      Assignment a = (Assignment) item;
      if (a.target().segments().size() != 1) {
        cx.reporter.report(DiagnosticCode.NESTED_TARGET, a.target().span(),
            "`" + a.target().dotted() + "` is not a column name; assign one column of " + h.target().name() + " per line",
            "dotted path", "write the column's logical name, e.g. `" + a.target().segments().get(
                a.target().segments().size() - 1).text() + "`");
        continue;
      }
      Name columnName = a.target().segments().get(0);
      Optional<Column> column = cx.schemas.column(h.target(), columnName);
      if (column.isEmpty()) {
        exprs.check(stripIgnore(a.value()), scope);
        continue;
      }
      Column c = column.get();
      if (assigned.containsKey(c.name())) {
        cx.reporter.report(DiagnosticCode.DUPLICATE_ASSIGNMENT, columnName.span(),
            "`" + c.name() + "` is assigned twice in this map", "second assignment", "keep one line per column");
        Span firstSpan = assigned.get(c.name());
        cx.reporter.amendLast(x -> x.withSecondary(firstSpan, "first assigned here"));
        continue;
      }
      assigned.put(c.name(), columnName.span());
      if (a.value() instanceof Ignore) {
        if (a.key()) {
          cx.reporter.report(DiagnosticCode.IGNORE_MISPLACED, a.value().span(), "a key column cannot be ignored",
              "key = ignore", "give the key the source id: `key " + c.name() + " = id`");
        }
        ignored.add(c);
        continue;
      }
      boolean unsetWhenNull = a.value() instanceof Binary b && b.op() == BinaryOp.FALLBACK && b.right() instanceof Ignore;
      Expr value = exprs.checkValue(unsetWhenNull ? ((Binary) a.value()).left() : a.value(), scope, c,
          Schemas.TARGET + "." + h.target().name() + "." + c.name());
      if (!c.validForCreate() && c.type() != ColumnType.STATE) {
        cx.reporter.report(DiagnosticCode.NOT_VALID_FOR_CREATE, columnName.span(),
            "Dataverse does not accept `" + c.name() + "` when a row is created", "not settable on create",
            "remove the line, or write `" + c.name() + " = ignore` to say it stays as Dataverse sets it");
      }
      Assigner.Assigned done = assigner.assign(value, c, h.target());
      var phase = c.type() == ColumnType.STATE ? io.fmap.compiler.ir.Assignment.Phase.STATE_CHANGE
          : io.fmap.compiler.ir.Assignment.Phase.CREATE;
      var ir = new io.fmap.compiler.ir.Assignment(c, done.value(), done.write(), phase, unsetWhenNull, a.span());
      (a.key() ? keyAssignments : assignments).add(ir);
      if (done.write() instanceof Write.Bind bind && c.type() != ColumnType.OWNER) {
        boolean optional = c.required() == RequiredLevel.NONE || c.required() == RequiredLevel.RECOMMENDED;
        for (Expr.Ref ref : refs(done.value())) {
          // A ref the lookup cannot hold was reported already; it orders nothing.
          if (ref.tables().stream().noneMatch(t -> bind.forTable(t).isPresent())) continue;
          edges.add(new LoadOrder.Edge(new Dependency(h.source().name(), ref.object(), name, c.name(),
              Dependency.Reason.REF, false, ref.span()), optional));
        }
      }
    }
    statusWithState(assignments);
    statusMatchesState(assignments);
    completeness(h, assigned, keyAssignments);
    return new ObjectMap(name, h.source(), h.target(), when, d.routing() instanceof Routing.Otherwise, filter,
        keyAssignments, locals, assignments, ignored, after, parties, d.span());
  }

  private static io.fmap.compiler.ast.Expr stripIgnore(io.fmap.compiler.ast.Expr e) {
    if (e instanceof Binary b && b.op() == BinaryOp.FALLBACK && b.right() instanceof Ignore) return b.left();
    return e instanceof Ignore ? new io.fmap.compiler.ast.NullLit(e.span()) : e;
  }

  /** statuscode goes with statecode: when the state is set after create, so is its status reason. */
  private static void statusWithState(List<io.fmap.compiler.ir.Assignment> assignments) {
    boolean state = assignments.stream().anyMatch(a -> a.column().type() == ColumnType.STATE);
    if (!state) return;
    for (int i = 0; i < assignments.size(); i++) {
      var a = assignments.get(i);
      if (a.column().type() == ColumnType.STATUS) {
        assignments.set(i, new io.fmap.compiler.ir.Assignment(a.column(), a.value(), a.write(),
            io.fmap.compiler.ir.Assignment.Phase.STATE_CHANGE, a.unsetWhenNull(), a.span()));
      }
    }
  }

  /**
   * A status reason belongs to one state: a written status whose state differs from the written state
   * (or from the open state rows are created in, when no state is written) is refused by Dataverse.
   */
  private void statusMatchesState(List<io.fmap.compiler.ir.Assignment> assignments) {
    Optional<io.fmap.compiler.ir.Assignment> state = assignments.stream()
        .filter(a -> a.column().type() == ColumnType.STATE).findFirst();
    if (state.isPresent() && !(state.get().value() instanceof Expr.Literal)) return;
    String stateValue = state.map(a -> String.valueOf(((Expr.Literal) a.value()).value())).orElse("0");
    for (var a : assignments) {
      if (a.column().type() != ColumnType.STATUS || !(a.value() instanceof Expr.Literal lit)
          || !(lit.value() instanceof Long n)) {
        continue;
      }
      var option = a.column().optionByValue(n.intValue());
      if (option.isEmpty() || option.get().group() == null || option.get().group().equals(stateValue)) continue;
      String stateLabel = state.flatMap(s -> s.column().optionByValue(Integer.parseInt(stateValue)))
          .map(o -> o.label()).orElse("the state rows are created in");
      cx.reporter.report(DiagnosticCode.STATUS_STATE_MISMATCH, a.value().span(),
          "status reason " + n + " (" + option.get().label() + ") belongs to state " + option.get().group()
              + ", not to " + (state.isPresent() ? "state " + stateValue + " (" + stateLabel + ")" : stateLabel),
          "wrong state", state.isPresent() ? "pick a status reason of state " + stateValue
              : "set `statecode` too: the row is created open and moved to that state afterwards");
    }
  }

  private void completeness(Header h, Map<String, Span> assigned, List<io.fmap.compiler.ir.Assignment> keyAssignments) {
    Table target = h.target();
    Span at = h.decl().target().span();
    for (Column c : target.columns()) {
      boolean required = c.required() == RequiredLevel.SYSTEM_REQUIRED || c.required() == RequiredLevel.APPLICATION_REQUIRED;
      // The primary key is generated, the owner has its own check, and state is set after create.
      boolean exempt = c.name().equals(target.primaryIdColumn()) || c.type() == ColumnType.OWNER
          || c.type() == ColumnType.STATE || c.type() == ColumnType.STATUS || !c.validForCreate();
      if (required && !exempt && !assigned.containsKey(c.name())) {
        cx.reporter.report(DiagnosticCode.REQUIRED_COLUMN_UNMAPPED, at,
            "`" + target.name() + "." + c.name() + "` is required, but this map neither assigns nor ignores it",
            "`" + c.name() + "` missing", "assign it (`" + c.name() + " = ...`) or say `" + c.name() + " = ignore`");
      }
    }
    if (target.ownership() == Ownership.USER && target.column("ownerid").isPresent() && !assigned.containsKey("ownerid")) {
      cx.reporter.report(DiagnosticCode.OWNER_MISSING, at,
          "`" + target.name() + "` rows are owned by a user, but this map does not say by whom", "no owner",
          "add `ownerid = owner(owner_email)`, or `ownerid = ignore` to let the migration user own them");
    }
    if (keyAssignments.isEmpty()) {
      cx.reporter.report(DiagnosticCode.NO_KEY, at,
          "this map has no `key`, so running the migration again creates every " + target.name() + " again",
          "no key", "declare a source-id column and key on it: `key " + cx.publisherPrefix + "_sourceid = id`");
      return;
    }
    List<String> columns = keyAssignments.stream().map(a -> a.column().name()).toList();
    boolean exists = target.keys().stream().anyMatch(k -> k.columns().equals(columns));
    boolean planned = keys.stream().anyMatch(k -> k instanceof SchemaChange.NewKey nk && nk.table().equals(target.name())
        && nk.key().columns().equals(columns));
    if (!exists && !planned) {
      keys.add(new SchemaChange.NewKey(target.name(), new AlternateKey(String.join("_", columns) + "_key", columns),
          keyAssignments.get(0).span()));
    }
  }

  /** Every {@code ref(...)} inside a value (a conditional may hold several). */
  static List<Expr.Ref> refs(Expr e) {
    List<Expr.Ref> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, List<Expr.Ref> out) {
    if (e instanceof Expr.Ref r) {
      out.add(r);
    } else if (e instanceof Expr.Conditional c) {
      collect(c.then(), out);
      collect(c.otherwise(), out);
    } else if (e instanceof Expr.Match m) {
      m.cases().forEach(k -> collect(k.result(), out));
      m.otherwise().ifPresent(o -> collect(o, out));
    } else if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.COALESCE) {
      collect(b.left(), out);
      collect(b.right(), out);
    }
  }

  /** Binding entries for the lookup targets a value may point to. */
  static List<Write.Binding> bindings(Column column, List<String> tables, io.fmap.schema.SystemSchema target) {
    List<Write.Binding> out = new ArrayList<>();
    for (LookupTarget t : column.targets()) {
      if (tables != null && !tables.contains(t.table())) continue;
      String entitySet = target.table(t.table()).map(Table::entitySetName).orElse(t.table() + "s");
      String nav = t.navigationProperty() == null ? column.name() : t.navigationProperty();
      out.add(new Write.Binding(t.table(), entitySet, nav));
    }
    return out;
  }
}
