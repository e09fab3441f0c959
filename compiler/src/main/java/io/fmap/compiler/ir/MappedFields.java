package io.fmap.compiler.ir;

import io.fmap.schema.SchemaDrift;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The source fields a program reads and the target columns it writes, as {@code table.column}:
 * what schema drift must be held against. A field read only inside a condition or a lookup id
 * counts: a changed type there breaks the map as surely as in a plain assignment.
 *
 * @param read    {@code Object.field} of every source field any map, routing or value map reads
 * @param written {@code table.column} of every target column a map assigns (keys included) or a value map targets
 */
public record MappedFields(SortedSet<String> read, SortedSet<String> written) {

  public MappedFields {
    read = Collections.unmodifiableSortedSet(new TreeSet<>(read));
    written = Collections.unmodifiableSortedSet(new TreeSet<>(written));
  }

  public static MappedFields of(Program program) {
    SortedSet<String> read = new TreeSet<>();
    SortedSet<String> written = new TreeSet<>();
    for (ObjectMap m : program.maps()) {
      String object = m.source().name();
      read.add(object);
      written.add(m.target().name());
      m.when().ifPresent(e -> reads(object, e, read));
      m.filter().ifPresent(e -> reads(object, e, read));
      m.locals().forEach(l -> reads(object, l.value(), read));
      for (Assignment a : m.keys()) write(m, a, read, written);
      for (Assignment a : m.assignments()) write(m, a, read, written);
    }
    for (ValueMap v : program.valueMaps()) {
      read.add(v.sourceObject() + "." + v.sourceField().name());
      written.add(v.targetTable() + "." + v.targetColumn().name());
    }
    return new MappedFields(read, written);
  }

  /**
   * Whether a drift of the source ({@code source} true) or target schema touches what the program
   * maps: a column it reads or writes, or a whole table one of its maps reads or writes.
   */
  public boolean touches(SchemaDrift.Change change, boolean source) {
    SortedSet<String> used = source ? read : written;
    return used.contains(change.column() == null ? change.table() : change.table() + "." + change.column());
  }

  private static void write(ObjectMap m, Assignment a, SortedSet<String> read, SortedSet<String> written) {
    written.add(m.target().name() + "." + a.column().name());
    reads(m.source().name(), a.value(), read);
  }

  private static void reads(String object, Expr e, SortedSet<String> read) {
    if (e instanceof Expr.Field f) {
      read.add(object + "." + f.field());
    } else if (e instanceof Expr.RefField r) {
      read.add(r.object() + "." + r.field());
      reads(object, r.id(), read);
    } else if (e instanceof Expr.Ref r) {
      reads(object, r.id(), read);
    } else if (e instanceof Expr.Owner o) {
      reads(object, o.email(), read);
    } else if (e instanceof Expr.ValueMapApply v) {
      reads(object, v.input(), read);
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> reads(object, a, read));
    } else if (e instanceof Expr.Unary u) {
      reads(object, u.operand(), read);
    } else if (e instanceof Expr.Binary b) {
      reads(object, b.left(), read);
      reads(object, b.right(), read);
    } else if (e instanceof Expr.In in) {
      reads(object, in.value(), read);
      in.options().forEach(o -> reads(object, o, read));
    } else if (e instanceof Expr.Conditional c) {
      reads(object, c.condition(), read);
      reads(object, c.then(), read);
      reads(object, c.otherwise(), read);
    } else if (e instanceof Expr.Match m) {
      reads(object, m.subject(), read);
      for (Expr.Case c : m.cases()) {
        c.values().forEach(v -> reads(object, v, read));
        reads(object, c.result(), read);
      }
      Optional<Expr> otherwise = m.otherwise();
      otherwise.ifPresent(o -> reads(object, o, read));
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(i -> reads(object, i, read));
    }
    // Literals, params and let names read no field themselves (a let's value is walked where it is bound).
  }
}
